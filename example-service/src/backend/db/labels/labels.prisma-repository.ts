import type { Label as LabelRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  LabelInUseError,
  LabelConflictError,
  type Label,
  type LabelPatch,
  type LabelsRepository,
  type NewLabel,
} from '../../services/labels/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: LabelRow): Label {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
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
  if (isPrismaError(err, 'P2002')) throw new LabelConflictError('unique value');
  throw err;
}

/**
 * The Prisma adapter of the `labels` repository port (table `labels`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createLabelsPrismaRepository(prisma: PrismaClient, rootLog: Logger): LabelsRepository {
  const log = moduleLogger(rootLog, 'LabelsDb');
  const fn = (name: string): Logger => functionLogger(log, 'LabelsDb', name);
  return {
    create: logged(fn('create'), async (data: NewLabel) =>
      toEntity(await prisma.label.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.label.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest) => {
      const rows = await prisma.label.findMany({ orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: LabelPatch) => {
      try {
        return toEntity(await prisma.label.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.label.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new LabelInUseError(id);
        throw err;
      }
    }),
  };
}
