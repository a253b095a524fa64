import type { Logger } from '../../services/common/index.js';
import { asCustomerRecord, buildNewCustomer } from '../../services/customers/index.js';
import type { PrismaClient } from '../common/index.js';
import { createCustomersPrismaRepository } from './customers.prisma-repository.js';

/**
 * Test support: stores a valid customer (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedCustomer(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createCustomersPrismaRepository(prisma, log);
  const created = await repo.create(asCustomerRecord(buildNewCustomer()));
  return created.id;
}
