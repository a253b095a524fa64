import { functionLogger, logged, moduleLogger, type Logger } from '../common/index.js';
import type { NewUser, User } from './users.entity.js';
import { UserConflictError } from './users.errors.js';
import type { UsersRepository } from './users.repository.js';

/**
 * An in-memory adapter of the `users` repository port (unit and API tests, benchmarks).
 *
 * @param rootLog - the root logger.
 * @returns a repository holding its rows in a `Map`; emails unique like the table's index.
 */
export function createInMemoryUsersRepository(rootLog: Logger): UsersRepository {
  const rows = new Map<number, User>();
  let nextId = 1;
  const log = moduleLogger(rootLog, 'UsersMemory');
  const fn = (name: string): Logger => functionLogger(log, 'UsersMemory', name);
  const copy = (row: User): User => ({ ...row, roles: [...row.roles] });
  return {
    create: logged(fn('create'), async (data: NewUser) => {
      if ([...rows.values()].some((row) => row.email === data.email)) throw new UserConflictError();
      const now = new Date();
      const row: User = { id: nextId, email: data.email, passwordHash: data.passwordHash, roles: [...(data.roles ?? [])], createdAt: now, updatedAt: now };
      nextId += 1;
      rows.set(row.id, row);
      return copy(row);
    }),
    findByEmail: logged(fn('findByEmail'), async (email: string) => {
      const row = [...rows.values()].find((r) => r.email === email);
      return row ? copy(row) : null;
    }),
    findById: logged(fn('findById'), async (id: number) => {
      const row = rows.get(id);
      return row ? copy(row) : null;
    }),
  };
}
