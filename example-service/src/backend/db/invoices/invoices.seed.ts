import type { Logger } from '../../services/common/index.js';
import { buildNewInvoice } from '../../services/invoices/index.js';
import type { PrismaClient } from '../common/index.js';
import { createInvoicesPrismaRepository } from './invoices.prisma-repository.js';

/**
 * Test support: stores a valid invoice (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedInvoice(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createInvoicesPrismaRepository(prisma, log);
  const created = await repo.create(buildNewInvoice());
  return created.id;
}
