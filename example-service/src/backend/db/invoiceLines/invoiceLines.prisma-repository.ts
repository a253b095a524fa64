import type { InvoiceLine as InvoiceLineRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  InvoiceLineInUseError,
  InvoiceLineReferenceError,
  type InvoiceLine,
  type InvoiceLineFilter,
  type InvoiceLinePatch,
  type InvoiceLinesRepository,
  type NewInvoiceLine,
} from '../../services/invoiceLines/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: InvoiceLineRow): InvoiceLine {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    label: row.label,
    quantity: row.quantity,
    unitPrice: row.unitPrice.toFixed(2),
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Turns a database refusal into the module's domain error; anything else is rethrown.
 *
 * @param err - what Prisma threw on create or update.
 * @returns never; always throws.
 */
function refusal(err: unknown): never {
  if (isPrismaError(err, 'P2003')) throw new InvoiceLineReferenceError('invoiceId');
  throw err;
}

/**
 * The Prisma adapter of the `invoiceLines` repository port (table `invoice_lines`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createInvoiceLinesPrismaRepository(prisma: PrismaClient, rootLog: Logger): InvoiceLinesRepository {
  const log = moduleLogger(rootLog, 'InvoiceLinesDb');
  const fn = (name: string): Logger => functionLogger(log, 'InvoiceLinesDb', name);
  return {
    create: logged(fn('create'), async (data: NewInvoiceLine) =>
      toEntity(await prisma.invoiceLine.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.invoiceLine.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: InvoiceLineFilter = {}) => {
      const rows = await prisma.invoiceLine.findMany({ where: filter, orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: InvoiceLinePatch) => {
      try {
        return toEntity(await prisma.invoiceLine.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.invoiceLine.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new InvoiceLineInUseError(id);
        throw err;
      }
    }),
  };
}
