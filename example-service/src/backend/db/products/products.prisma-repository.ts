import type { Prisma } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  ProductInUseError,
  ProductConflictError,
  ProductReferenceError,
  type Product,
  type ProductFilter,
  type ProductPatch,
  type ProductsRepository,
  type NewProduct,
} from '../../services/products/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/** The links a row is read with: each `refs(…)` field's linked ids, ascending. */
const withLinks = {
  labels: { select: { labelId: true }, orderBy: { labelId: 'asc' } },
} as const satisfies Prisma.ProductInclude;

/** A row of `products` with its links. */
type ProductRow = Prisma.ProductGetPayload<{ include: typeof withLinks }>;

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    sku: row.sku,
    price: row.price.toFixed(2),
    labels: row.labels.map((link) => link.labelId),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Maps the core's input to Prisma's (e.g. a bigint string → `BigInt`).
 *
 * @param data - a new product.
 * @returns the create data Prisma expects.
 */
function toCreateData(data: NewProduct) {
  return {
    ...data,
    labels: data.labels === undefined ? undefined : { create: data.labels.map((labelId) => ({ labelId })) },
  };
}

/**
 * Maps a patch to Prisma's update data; absent properties stay absent.
 *
 * @param patch - the change.
 * @returns the update data Prisma expects.
 */
function toUpdateData(patch: ProductPatch) {
  return {
    ...patch,
    labels: patch.labels === undefined ? undefined : { deleteMany: {}, create: patch.labels.map((labelId) => ({ labelId })) },
  };
}

/**
 * Turns a database refusal into the module's domain error; anything else is rethrown.
 *
 * @param err - what Prisma threw on create or update.
 * @returns never; always throws.
 */
function refusal(err: unknown): never {
  if (isPrismaError(err, 'P2002')) throw new ProductConflictError('unique value');
  if (isPrismaError(err, 'P2003')) throw new ProductReferenceError('labels');
  throw err;
}

/**
 * The Prisma adapter of the `products` repository port (table `products`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createProductsPrismaRepository(prisma: PrismaClient, rootLog: Logger): ProductsRepository {
  const log = moduleLogger(rootLog, 'ProductsDb');
  const fn = (name: string): Logger => functionLogger(log, 'ProductsDb', name);
  return {
    create: logged(fn('create'), async (data: NewProduct) =>
      toEntity(await prisma.product.create({ data: toCreateData(data), include: withLinks }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.product.findUnique({ where: { id }, include: withLinks });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ProductFilter = {}) => {
      const { labels, ...equal } = filter;
      // A row is listed when it links every id asked for (`?labels=1,2`: both).
      const where: Prisma.ProductWhereInput = {
        ...equal,
        AND: [
          ...(labels ?? []).map((labelId) => ({ labels: { some: { labelId } } })),
        ],
      };
      const rows = await prisma.product.findMany({ where, orderBy: { id: 'asc' }, take: page.limit, skip: page.offset, include: withLinks });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: ProductPatch) => {
      try {
        return toEntity(await prisma.product.update({ where: { id }, data: toUpdateData(patch), include: withLinks }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.product.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new ProductInUseError(id);
        throw err;
      }
    }),
  };
}
