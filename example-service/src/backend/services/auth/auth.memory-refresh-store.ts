import { functionLogger, logged, moduleLogger, type Logger } from '../common/index.js';
import type { RefreshTokenRecord, RefreshTokenStore } from './auth.ports.js';

/**
 * An in-memory adapter of the refresh-token store (unit and API tests, benchmarks).
 *
 * @param rootLog - the root logger.
 * @returns a store holding its records in a `Map`.
 */
export function createInMemoryRefreshTokenStore(rootLog: Logger): RefreshTokenStore {
  const rows = new Map<number, RefreshTokenRecord>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'AuthMemory');
  const fn = (name: string): Logger => functionLogger(log, 'AuthMemory', name);
  const family = (familyId: string): RefreshTokenRecord[] => [...rows.values()].filter((r) => r.familyId === familyId);
  return {
    create: logged(fn('create'), async (data: { familyId: string; userId: number; tokenHash: string; expiresAt: Date }) => {
      const row: RefreshTokenRecord = { id: nextId, ...data, usedAt: null, revokedAt: null, createdAt: new Date() };
      nextId += 1;
      rows.set(row.id, row);
      return { ...row };
    }),
    findByHash: logged(fn('findByHash'), async (tokenHash: string) => {
      const row = [...rows.values()].find((r) => r.tokenHash === tokenHash);
      return row ? { ...row } : null;
    }),
    markUsed: logged(fn('markUsed'), async (id: number, at: Date) => {
      const row = rows.get(id);
      if (!row || row.usedAt) return false;
      row.usedAt = at;
      return true;
    }),
    revokeFamily: logged(fn('revokeFamily'), async (familyId: string, at: Date) => {
      const live = family(familyId).filter((r) => !r.revokedAt);
      for (const row of live) row.revokedAt = at;
      return live.length;
    }),
    isFamilyActive: logged(fn('isFamilyActive'), async (familyId: string) => {
      const rowsOf = family(familyId);
      return rowsOf.length > 0 && rowsOf.every((r) => !r.revokedAt);
    }),
  };
}
