import type { Customer as CustomerRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  Secret,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  CustomerInUseError,
  type Customer,
  type CustomerHashes,
  type CustomerRecordPatch,
  type CustomersRepository,
  type NewCustomerRecord,
} from '../../services/customers/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged); the
 * secret fields' hashes stay behind.
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: CustomerRow): Customer {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    notes: row.notes,
    tier: row.tier,
    newsletter: row.newsletter,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Maps the core's input to Prisma's (e.g. a bigint string → `BigInt`).
 *
 * @param data - a new customer.
 * @returns the create data Prisma expects.
 */
function toCreateData(data: NewCustomerRecord) {
  return {
    ...data,
    accessKeyHash: data.accessKeyHash == null ? data.accessKeyHash : data.accessKeyHash.reveal(),
  };
}

/**
 * Maps a patch to Prisma's update data; absent properties stay absent.
 *
 * @param patch - the change.
 * @returns the update data Prisma expects.
 */
function toUpdateData(patch: CustomerRecordPatch) {
  return {
    ...patch,
    accessKeyHash: patch.accessKeyHash == null ? patch.accessKeyHash : patch.accessKeyHash.reveal(),
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
 * The Prisma adapter of the `customers` repository port (table `customers`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createCustomersPrismaRepository(prisma: PrismaClient, rootLog: Logger): CustomersRepository {
  const log = moduleLogger(rootLog, 'CustomersDb');
  const fn = (name: string): Logger => functionLogger(log, 'CustomersDb', name);
  return {
    create: logged(fn('create'), async (data: NewCustomerRecord) =>
      toEntity(await prisma.customer.create({ data: toCreateData(data) }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.customer.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    findHashes: logged(fn('findHashes'), async (id: number): Promise<CustomerHashes | null> => {
      const row = await prisma.customer.findUnique({
        where: { id },
        select: {
          accessKeyHash: true,
        },
      });
      if (!row) return null;
      return {
        accessKeyHash: row.accessKeyHash == null ? row.accessKeyHash : new Secret(row.accessKeyHash),
      };
    }),
    list: logged(fn('list'), async (page: PageRequest) => {
      const rows = await prisma.customer.findMany({ orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: CustomerRecordPatch) => {
      try {
        return toEntity(await prisma.customer.update({ where: { id }, data: toUpdateData(patch) }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.customer.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new CustomerInUseError(id);
        throw err;
      }
    }),
  };
}
