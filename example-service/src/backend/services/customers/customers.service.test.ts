import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakePasswordHasher } from '../auth/auth.fixtures.js';
import { Secret } from '../common/index.js';
import { CustomerNotFoundError } from './customers.errors.js';
import { buildNewCustomer, buildOtherCustomer, withoutCustomerSecrets } from './customers.fixtures.js';
import { createInMemoryCustomersRepository } from './customers.memory-repository.js';
import { createCustomersService, type CustomersService } from './customers.service.js';

const log = pino({ level: 'silent' });

describe('CustomersService', () => {
  let service: CustomersService;
  beforeEach(() => {
    service = createCustomersService({ repo: createInMemoryCustomersRepository(log), passwords: fakePasswordHasher(), log });
  });

  it('When a customer is created, then it gets an id and can be read back', async () => {
    const input = buildNewCustomer();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(withoutCustomerSecrets(input));
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When customers are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewCustomer());
    const second = await service.create(buildOtherCustomer());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When a customer is updated, then the change is kept', async () => {
    const created = await service.create(buildNewCustomer());
    const change = buildOtherCustomer();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(withoutCustomerSecrets(change));
    await expect(service.get(created.id)).resolves.toMatchObject(withoutCustomerSecrets(change));
  });

  it('When a customer is removed, then it is gone', async () => {
    const created = await service.create(buildNewCustomer());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(CustomerNotFoundError);
  });

  it('When a customer is created with accessKey, then only its hash is stored, no answer holds it, and verifyAccessKey accepts it alone', async () => {
    const repo = createInMemoryCustomersRepository(log);
    const own = createCustomersService({ repo, passwords: fakePasswordHasher(), log });
    const created = await own.create(buildNewCustomer({ accessKey: new Secret('first accessKey value') }));
    expect(Object.keys(created)).not.toContain('accessKey');
    expect(Object.keys(created)).not.toContain('accessKeyHash');
    expect((await repo.findHashes(created.id))?.accessKeyHash?.reveal()).toBe('hash:first accessKey value');
    await expect(own.verifyAccessKey(created.id, new Secret('first accessKey value'))).resolves.toBe(true);
    await expect(own.verifyAccessKey(created.id, new Secret('a guess at accessKey'))).resolves.toBe(false);
    await own.update(created.id, { accessKey: new Secret('second accessKey value') });
    await expect(own.verifyAccessKey(created.id, new Secret('second accessKey value'))).resolves.toBe(true);
    await expect(own.verifyAccessKey(created.id, new Secret('first accessKey value'))).resolves.toBe(false);
    await expect(own.verifyAccessKey(999, new Secret('first accessKey value'))).rejects.toMatchObject({ code: 'CUSTOMER.NOT_FOUND' });
  });

  it('When the id does not exist, then get, update and remove refuse with CUSTOMER.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'CUSTOMER.NOT_FOUND' });
    await expect(service.update(999, buildOtherCustomer())).rejects.toMatchObject({ code: 'CUSTOMER.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'CUSTOMER.NOT_FOUND' });
  });

  // #region hand-written tests:search
  it('When search runs, then it answers a page of customers in id order (no rule yet)', async () => {
    const created = await service.create(buildNewCustomer());
    const other = await service.create(buildOtherCustomer());
    const page = await service.search({ limit: 10, offset: 0 }, { email: 'email-1' });
    expect(page).toMatchObject({ limit: 10, offset: 0 });
    expect(page.items.map((item) => item.id)).toEqual([created.id, other.id]);
  });
  // #endregion hand-written tests:search
  // scaffold:usecase-tests
});
