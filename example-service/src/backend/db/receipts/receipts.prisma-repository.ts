import { Prisma, type Receipt as ReceiptRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  ReceiptInUseError,
  ReceiptConflictError,
  ReceiptReferenceError,
  type Receipt,
  type ReceiptFilter,
  type ReceiptPatch,
  type ReceiptsRepository,
  type NewReceipt,
} from '../../services/receipts/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: ReceiptRow): Receipt {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    amount: row.amount.toFixed(2),
    method: row.method,
    status: row.status,
    reference: row.reference,
    receivedAt: row.receivedAt,
    installment: row.installment,
    providerTxId: row.providerTxId == null ? row.providerTxId : row.providerTxId.toString(),
    details: row.details as { [key: string]: unknown },
    metadata: row.metadata == null ? row.metadata : row.metadata as { [key: string]: unknown },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Maps the core's input to Prisma's (e.g. a bigint string → `BigInt`).
 *
 * @param data - a new receipt.
 * @returns the create data Prisma expects.
 */
function toCreateData(data: NewReceipt) {
  return {
    ...data,
    providerTxId: data.providerTxId == null ? data.providerTxId : BigInt(data.providerTxId),
    details: data.details as Prisma.InputJsonObject,
    metadata: data.metadata === null ? Prisma.DbNull : data.metadata === undefined ? undefined : data.metadata as Prisma.InputJsonObject,
  };
}

/**
 * Maps a patch to Prisma's update data; absent properties stay absent.
 *
 * @param patch - the change.
 * @returns the update data Prisma expects.
 */
function toUpdateData(patch: ReceiptPatch) {
  return {
    ...patch,
    providerTxId: patch.providerTxId == null ? patch.providerTxId : BigInt(patch.providerTxId),
    details: patch.details == null ? patch.details : patch.details as Prisma.InputJsonObject,
    metadata: patch.metadata === null ? Prisma.DbNull : patch.metadata === undefined ? undefined : patch.metadata as Prisma.InputJsonObject,
  };
}

/**
 * Turns a database refusal into the module's domain error; anything else is rethrown.
 *
 * @param err - what Prisma threw on create or update.
 * @returns never; always throws.
 */
function refusal(err: unknown): never {
  if (isPrismaError(err, 'P2002')) throw new ReceiptConflictError('unique value');
  if (isPrismaError(err, 'P2003')) throw new ReceiptReferenceError('invoiceId');
  throw err;
}

/**
 * The Prisma adapter of the `receipts` repository port (table `receipts`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createReceiptsPrismaRepository(prisma: PrismaClient, rootLog: Logger): ReceiptsRepository {
  const log = moduleLogger(rootLog, 'ReceiptsDb');
  const fn = (name: string): Logger => functionLogger(log, 'ReceiptsDb', name);
  return {
    create: logged(fn('create'), async (data: NewReceipt) =>
      toEntity(await prisma.receipt.create({ data: toCreateData(data) }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.receipt.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ReceiptFilter = {}) => {
      const rows = await prisma.receipt.findMany({ where: filter, orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: ReceiptPatch) => {
      try {
        return toEntity(await prisma.receipt.update({ where: { id }, data: toUpdateData(patch) }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.receipt.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new ReceiptInUseError(id);
        throw err;
      }
    }),
  };
}
