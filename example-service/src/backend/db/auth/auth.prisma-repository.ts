import { functionLogger, logged, moduleLogger, type Logger } from '../../services/common/index.js';
import type { RefreshTokenStore } from '../../services/auth/index.js';
import type { PrismaClient } from '../common/index.js';

/**
 * The Prisma adapter of the refresh-token store (table `refresh_tokens`). `markUsed` is one
 * conditional UPDATE, so of two concurrent rotations of one token only one wins.
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a store backed by PostgreSQL.
 */
export function createRefreshTokensPrismaRepository(prisma: PrismaClient, rootLog: Logger): RefreshTokenStore {
  const log = moduleLogger(rootLog, 'AuthDb');
  const fn = (name: string): Logger => functionLogger(log, 'AuthDb', name);
  return {
    create: logged(fn('create'), async (data: { familyId: string; userId: number; tokenHash: string; expiresAt: Date }) =>
      prisma.refreshToken.create({ data }),
    ),
    findByHash: logged(fn('findByHash'), async (tokenHash: string) => prisma.refreshToken.findUnique({ where: { tokenHash } })),
    markUsed: logged(fn('markUsed'), async (id: number, at: Date) => {
      const { count } = await prisma.refreshToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: at } });
      return count === 1;
    }),
    revokeFamily: logged(fn('revokeFamily'), async (familyId: string, at: Date) => {
      const { count } = await prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: at } });
      return count;
    }),
    isFamilyActive: logged(fn('isFamilyActive'), async (familyId: string) => {
      const [total, revoked] = await Promise.all([
        prisma.refreshToken.count({ where: { familyId } }),
        prisma.refreshToken.count({ where: { familyId, revokedAt: { not: null } } }),
      ]);
      return total > 0 && revoked === 0;
    }),
  };
}
