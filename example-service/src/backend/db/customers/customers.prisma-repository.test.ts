import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asCustomerRecord, buildNewCustomer, buildOtherCustomer, type CustomersRepository, type CustomerRecordPatch } from '../../services/customers/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createCustomersPrismaRepository } from './customers.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('CustomersPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: CustomersRepository;
  const buildNew = async () => asCustomerRecord(buildNewCustomer());
  const buildOther = async () => asCustomerRecord(buildOtherCustomer());
  /** What an entity holds of a record: every field but the secret fields' hashes. */
  const shown = ({ accessKeyHash: _accessKeyHash, ...values }: CustomerRecordPatch) => values;
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createCustomersPrismaRepository(db.prisma, log);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a customer is created, then the same values are read back from the table', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(shown(input));
    await expect(repo.findById(created.id)).resolves.toEqual(created);
  });

  it('When a customer is updated, then the row holds the new values and a later updatedAt', async () => {
    const created = await repo.create(await buildNew());
    const change = await buildOther();
    const updated = await repo.update(created.id, change);
    expect(updated).toMatchObject(shown(change));
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('When customers are listed, then pages follow id order', async () => {
    const a = await repo.create(await buildNew());
    const b = await repo.create(await buildNew());
    const ids = (await repo.list({ limit: 100, offset: 0 })).map((row) => row.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(await repo.list({ limit: 1, offset: 0 })).toHaveLength(1);
  });

  it('When a customer is deleted, then it is gone and a second delete reports false', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.delete(created.id)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toBeNull();
    await expect(repo.delete(created.id)).resolves.toBe(false);
  });

  it('When the id does not exist, then update resolves to null', async () => {
    await expect(repo.update(2147483000, await buildOther())).resolves.toBeNull();
  });

  it('When a customer is stored, then only findHashes reads its hashes back, an update replaces them, and no entity holds one', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    const change = await buildOther();
    await repo.update(created.id, shown(change));
    expect(Object.keys(created)).not.toContain('accessKeyHash');
    expect((await repo.findHashes(created.id))?.accessKeyHash?.reveal()).toBe(input.accessKeyHash?.reveal());
    await repo.update(created.id, { accessKeyHash: change.accessKeyHash });
    expect((await repo.findHashes(created.id))?.accessKeyHash?.reveal()).toBe(change.accessKeyHash?.reveal());
    await expect(repo.findHashes(2147483000)).resolves.toBeNull();
  });
});
