import type { User as UserRow } from '../../../../generated/prisma/client.js';
import { functionLogger, logged, moduleLogger, Secret, type Logger } from '../../services/common/index.js';
import { UserConflictError, type NewUser, type User, type UsersRepository } from '../../services/users/index.js';
import { isPrismaError, type PrismaClient } from '../common/index.js';

/**
 * Maps a row to the core's entity; the hash is wrapped at once so it can never be logged.
 *
 * @param row - the row Prisma returned.
 * @returns the entity.
 */
function toEntity(row: UserRow): User {
  return { id: row.id, email: row.email, passwordHash: new Secret(row.passwordHash), roles: row.roles, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/**
 * The Prisma adapter of the `users` repository port (table `users`).
 *
 * @param prisma - the service's Prisma client.
 * @param rootLog - the root logger.
 * @returns a repository backed by PostgreSQL.
 */
export function createUsersPrismaRepository(prisma: PrismaClient, rootLog: Logger): UsersRepository {
  const log = moduleLogger(rootLog, 'UsersDb');
  const fn = (name: string): Logger => functionLogger(log, 'UsersDb', name);
  return {
    create: logged(fn('create'), async (data: NewUser) => {
      try {
        return toEntity(await prisma.user.create({ data: { email: data.email, passwordHash: data.passwordHash.reveal(), roles: data.roles ?? [] } }));
      } catch (err) {
        if (isPrismaError(err, 'P2002')) throw new UserConflictError();
        throw err;
      }
    }),
    findByEmail: logged(fn('findByEmail'), async (email: string) => {
      const row = await prisma.user.findUnique({ where: { email } });
      return row ? toEntity(row) : null;
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = await prisma.user.findUnique({ where: { id } });
      return row ? toEntity(row) : null;
    }),
  };
}
