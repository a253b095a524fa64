import type { Prisma, Delivery as DeliveryRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type ListFilter,
  type ListQuery,
} from '../../services/common/index.js';
import {
  DeliveryInUseError,
  DeliveryConflictError,
  DeliveryReferenceError,
  type Delivery,
  type DeliveryPatch,
  type DeliveriesRepository,
  type NewDelivery,
  deliveryListFields,
} from '../../services/deliveries/index.js';
import { isPrismaError, prismaListArgs, prismaWhere, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    trackingCode: row.trackingCode,
    recipient: row.recipient,
    carrier: row.carrier,
    weightGrams: row.weightGrams,
    shippedAt: row.shippedAt,
    cost: row.cost == null ? row.cost : row.cost.toFixed(2),
    fragile: row.fragile,
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
  if (isPrismaError(err, 'P2002')) throw new DeliveryConflictError('unique value');
  if (isPrismaError(err, 'P2003')) throw new DeliveryReferenceError('invoiceId');
  throw err;
}

/**
 * The Prisma adapter of the `deliveries` repository port (table `deliveries`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createDeliveriesPrismaRepository(prisma: PrismaClient, rootLog: Logger): DeliveriesRepository {
  const log = moduleLogger(rootLog, 'DeliveriesDb');
  const fn = (name: string): Logger => functionLogger(log, 'DeliveriesDb', name);
  return {
    create: logged(fn('create'), async (data: NewDelivery) =>
      toEntity(await prisma.delivery.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.delivery.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    findByTrackingCode: logged(fn('findByTrackingCode'), async (trackingCode: string) => {
      const row = await prisma.delivery.findUnique({ where: { trackingCode } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (query: ListQuery) => {
      const rows = await prisma.delivery.findMany(prismaListArgs<Prisma.DeliveryWhereInput, Prisma.DeliveryOrderByWithRelationInput>(query, deliveryListFields));
      return rows.map(toEntity);
    }),
    count: logged(fn('count'), async (filters: ListFilter[] = []) =>
      prisma.delivery.count({ where: prismaWhere<Prisma.DeliveryWhereInput>(filters, deliveryListFields) }),
    ),
    update: logged(fn('update'), async (id: number, patch: DeliveryPatch) => {
      try {
        return toEntity(await prisma.delivery.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.delivery.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new DeliveryInUseError(id);
        throw err;
      }
    }),
  };
}
