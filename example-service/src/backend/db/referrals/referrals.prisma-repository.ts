import type { Referral as ReferralRow } from '../../../../generated/prisma/client.js';
import {
  functionLogger,
  logged,
  moduleLogger,
  type Logger,
  type PageRequest,
} from '../../services/common/index.js';
import {
  ReferralInUseError,
  ReferralConflictError,
  ReferralReferenceError,
  type Referral,
  type ReferralFilter,
  type ReferralPatch,
  type ReferralsRepository,
  type NewReferral,
} from '../../services/referrals/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a Prisma row to the core's entity (Decimal → string; other values unchanged).
 *
 * @param row - the row Prisma returned.
 * @returns the plain entity.
 */
function toEntity(row: ReferralRow): Referral {
  return {
    id: row.id,
    code: row.code,
    referrerId: row.referrerId,
    referredId: row.referredId,
    rewardedAt: row.rewardedAt,
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
  if (isPrismaError(err, 'P2002')) throw new ReferralConflictError('unique value');
  if (isPrismaError(err, 'P2003')) throw new ReferralReferenceError('referrerId or referredId');
  throw err;
}

/**
 * The Prisma adapter of the `referrals` repository port (table `referrals`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createReferralsPrismaRepository(prisma: PrismaClient, rootLog: Logger): ReferralsRepository {
  const log = moduleLogger(rootLog, 'ReferralsDb');
  const fn = (name: string): Logger => functionLogger(log, 'ReferralsDb', name);
  return {
    create: logged(fn('create'), async (data: NewReferral) =>
      toEntity(await prisma.referral.create({ data: data }).catch(refusal)),
    ),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.referral.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
    findByCode: logged(fn('findByCode'), async (code: string) => {
      const row = await prisma.referral.findUnique({ where: { code } });
      return row ? toEntity(row) : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ReferralFilter = {}) => {
      const rows = await prisma.referral.findMany({ where: filter, orderBy: { id: 'asc' }, take: page.limit, skip: page.offset });
      return rows.map(toEntity);
    }),
    update: logged(fn('update'), async (id: number, patch: ReferralPatch) => {
      try {
        return toEntity(await prisma.referral.update({ where: { id }, data: patch }));
      } catch (err) {
        if (isPrismaError(err, 'P2025')) return null;
        return refusal(err);
      }
    }),
    delete: logged(fn('delete'), async (id: number) => {
      try {
        const { count } = await prisma.referral.deleteMany({ where: { id } });
        return count > 0;
      } catch (err) {
        if (isPrismaError(err, 'P2003')) throw new ReferralInUseError(id);
        throw err;
      }
    }),
  };
}
