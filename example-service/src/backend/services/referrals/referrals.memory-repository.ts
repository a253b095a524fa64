import { functionLogger, logged, moduleLogger, type Logger, type PageRequest } from '../common/index.js';
import type { Referral, ReferralFilter, ReferralPatch, NewReferral } from './referrals.entity.js';
import { ReferralConflictError } from './referrals.errors.js';
import type { ReferralsRepository } from './referrals.repository.js';

/**
 * An in-memory adapter of the `referrals` repository port: for unit tests, API tests and
 * benchmarks. Not shared between instances; data is lost with the process. It does not
 * check references to other modules (PostgreSQL's foreign keys do, in the Prisma adapter).
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`.
 */
export function createInMemoryReferralsRepository(rootLog: Logger): ReferralsRepository {
  const rows = new Map<number, Referral>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'ReferralsMemory');
  const fn = (name: string): Logger => functionLogger(log, 'ReferralsMemory', name);
  /** Refuses a row whose unique fields repeat another row's (as the table's unique indexes do; a null never repeats). */
  const assertUnique = (candidate: Referral): void => {
    const same = (row: Referral, keys: (keyof Referral)[]): boolean =>
      keys.every((key) => candidate[key] !== null && JSON.stringify(row[key]) === JSON.stringify(candidate[key]));
    for (const row of rows.values()) {
      if (row.id === candidate.id) continue;
      if (same(row, ['code'])) throw new ReferralConflictError('code');
      if (same(row, ['referrerId', 'referredId'])) throw new ReferralConflictError('referrerId, referredId');
    }
  };
  return {
    create: logged(fn('create'), async (data: NewReferral) => {
      const now = new Date();
      const row: Referral = {
        id: nextId,
        code: data.code,
        referrerId: data.referrerId,
        referredId: data.referredId,
        rewardedAt: data.rewardedAt ?? null,
        createdAt: now,
        updatedAt: now,
      };
      assertUnique(row);
      nextId += 1;
      rows.set(row.id, row);
      return { ...row };
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = rows.get(id);
      return row ? { ...row } : null;
    }),
    findByCode: logged(fn('findByCode'), async (code: string) => {
      const row = [...rows.values()].find((candidate) => candidate.code === code);
      return row ? { ...row } : null;
    }),
    list: logged(fn('list'), async (page: PageRequest, filter: ReferralFilter = {}) =>
      [...rows.values()]
        .filter((row) => filter.referrerId === undefined || row.referrerId === filter.referrerId)
        .filter((row) => filter.referredId === undefined || row.referredId === filter.referredId)
        .slice(page.offset, page.offset + page.limit)
        .map((row) => ({ ...row })),
    ),
    update: logged(fn('update'), async (id: number, patch: ReferralPatch) => {
      const row = rows.get(id);
      if (!row) return null;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const updated: Referral = { ...row, ...defined, updatedAt: new Date() };
      assertUnique(updated);
      rows.set(id, updated);
      return { ...updated };
    }),
    delete: logged(fn('delete'), async (id: number) => rows.delete(id)),
  };
}
