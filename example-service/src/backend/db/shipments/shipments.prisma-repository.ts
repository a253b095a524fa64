import type { Prisma, Shipment as ShipmentRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type ListFilter,
  type ListQuery,
} from '../../services/common/index.js';
import {
  ShipmentInUseError,
  ShipmentConflictError,
  ShipmentReferenceError,
  type Shipment,
  type ShipmentPatch,
  type ShipmentsRepository,
  type NewShipment,
  shipmentListFields,
} from '../../services/shipments/index.js';
import { isPrismaError, prismaListArgs, prismaWhere, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: ShipmentRow): Shipment {
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
  if (isPrismaError(err, 'P2002')) throw new ShipmentConflictError('unique value');
  if (isPrismaError(err, 'P2003')) throw new ShipmentReferenceError('invoiceId');
  throw err;
}

/**
 * The Prisma adapter of the `shipments` repository port (table `shipments`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createShipmentsPrismaRepository(prisma: PrismaClient, rootLog: Logger): ShipmentsRepository {
  const log = moduleLogger(rootLog, 'ShipmentsDb');
  const fn = (name: string): Logger => functionLogger(log, 'ShipmentsDb', name);
  return {
    create: logged(fn('create'), async (data: NewShipment) =>
      toEntity(await prisma.shipment.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.shipment.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    findByTrackingCode: logged(fn('findByTrackingCode'), async (trackingCode: string) => {
      const row = await prisma.shipment.findUnique({ where: { trackingCode } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (query: ListQuery) => {
      const rows = await prisma.shipment.findMany(prismaListArgs<Prisma.ShipmentWhereInput, Prisma.ShipmentOrderByWithRelationInput>(query, shipmentListFields));
      return rows.map(toEntity);
    }),
    count: logged(fn('count'), async (filters: ListFilter[] = []) =>
      prisma.shipment.count({ where: prismaWhere<Prisma.ShipmentWhereInput>(filters, shipmentListFields) }),
    ),
    update: logged(fn('update'), async (id: number, patch: ShipmentPatch) => {
      try {
        return toEntity(await prisma.shipment.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.shipment.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new ShipmentInUseError(id);
        throw err;
      }
    }),
  };
}
