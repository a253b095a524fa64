import type { Logger } from '../../services/common/index.js';
import { buildNewProduct } from '../../services/products/index.js';
import type { PrismaClient } from '../common/index.js';
import { createProductsPrismaRepository } from './products.prisma-repository.js';

/**
 * Test support: stores a valid product (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedProduct(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createProductsPrismaRepository(prisma, log);
  const created = await repo.create(buildNewProduct());
  return created.id;
}
