import type { Invoice as InvoiceRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  InvoiceInUseError,
  type Invoice,
  type InvoicePatch,
  type InvoicesRepository,
  type NewInvoice,
} from '../../services/invoices/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: InvoiceRow): Invoice {
  return {
    id: row.id,
    number: row.number,
    amount: row.amount.toFixed(2),
    paid: row.paid,
    dueAt: row.dueAt,
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
  throw err;
}

/**
 * The Prisma adapter of the `invoices` repository port (table `invoices`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createInvoicesPrismaRepository(prisma: PrismaClient, rootLog: Logger): InvoicesRepository {
  const log = moduleLogger(rootLog, 'InvoicesDb');
  const fn = (name: string): Logger => functionLogger(log, 'InvoicesDb', name);
  return {
    create: logged(fn('create'), async (data: NewInvoice) =>
      toEntity(await prisma.invoice.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.invoice.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest) => {
      const rows = await prisma.invoice.findMany({ orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: InvoicePatch) => {
      try {
        return toEntity(await prisma.invoice.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.invoice.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new InvoiceInUseError(id);
        throw err;
      }
    }),
  };
}
