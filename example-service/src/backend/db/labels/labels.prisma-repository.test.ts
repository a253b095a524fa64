import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewLabel, buildOtherLabel, type LabelsRepository } from '../../services/labels/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createLabelsPrismaRepository } from './labels.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('LabelsPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: LabelsRepository;
  const buildNew = async () => buildNewLabel();
  const buildOther = async () => buildOtherLabel();
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createLabelsPrismaRepository(db.prisma, log);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a label is created, then the same values are read back from the table', async () => {
    const input = await buildNew();
    const created = await repo.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(repo.findById(created.id)).resolves.toEqual(created);
  });

  it('When a label is updated, then the row holds the new values and a later updatedAt', async () => {
    const created = await repo.create(await buildNew());
    const change = await buildOther();
    const updated = await repo.update(created.id, change);
    expect(updated).toMatchObject(change);
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(created.updatedAt.getTime());
  });

  it('When labels are listed, then pages follow id order', async () => {
    const a = await repo.create(await buildNew());
    const b = await repo.create(await buildNew());
    const ids = (await repo.list({ limit: 100, offset: 0 })).map((row) => row.id);
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(await repo.list({ limit: 1, offset: 0 })).toHaveLength(1);
  });

  it('When a label is deleted, then it is gone and a second delete reports false', async () => {
    const created = await repo.create(await buildNew());
    await expect(repo.delete(created.id)).resolves.toBe(true);
    await expect(repo.findById(created.id)).resolves.toBeNull();
    await expect(repo.delete(created.id)).resolves.toBe(false);
  });

  it('When the id does not exist, then update resolves to null', async () => {
    await expect(repo.update(2147483000, await buildOther())).resolves.toBeNull();
  });

  it('When another label already has the name, then create refuses with LABEL.CONFLICT', async () => {
    const first = await repo.create(await buildNew());
    await expect(repo.create({ ...(await buildNew()), name: first.name })).rejects.toMatchObject({ code: 'LABEL.CONFLICT' });
  });
});
