import type { Plan as PlanRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  PlanInUseError,
  PlanConflictError,
  type Plan,
  type PlanPatch,
  type PlansRepository,
  type NewPlan,
} from '../../services/plans/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: PlanRow): Plan {
  return {
    id: row.id,
    title: row.title,
    slug: row.slug,
    price: row.price.toFixed(2),
    description: row.description,
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
  if (isPrismaError(err, 'P2002')) throw new PlanConflictError('unique value');
  throw err;
}

/**
 * The Prisma adapter of the `plans` repository port (table `plans`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createPlansPrismaRepository(prisma: PrismaClient, rootLog: Logger): PlansRepository {
  const log = moduleLogger(rootLog, 'PlansDb');
  const fn = (name: string): Logger => functionLogger(log, 'PlansDb', name);
  return {
    create: logged(fn('create'), async (data: NewPlan) =>
      toEntity(await prisma.plan.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.plan.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    findBySlug: logged(fn('findBySlug'), async (slug: string) => {
      const row = await prisma.plan.findUnique({ where: { slug } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest) => {
      const rows = await prisma.plan.findMany({ orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: PlanPatch) => {
      try {
        return toEntity(await prisma.plan.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.plan.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new PlanInUseError(id);
        throw err;
      }
    }),
  };
}
