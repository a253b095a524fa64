import { seedInvoice } from '../invoices/invoices.seed.js';
import type { Logger } from '../../services/common/index.js';
import { buildNewInvoiceLine } from '../../services/invoiceLines/index.js';
import type { PrismaClient } from '../common/index.js';
import { createInvoiceLinesPrismaRepository } from './invoiceLines.prisma-repository.js';

/**
 * Test support: stores a valid invoice line (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedInvoiceLine(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createInvoiceLinesPrismaRepository(prisma, log);
  const created = await repo.create(
    buildNewInvoiceLine({
      invoiceId: await seedInvoice(prisma, log),
    }),
  );
  return created.id;
}
