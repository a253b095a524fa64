import { seedUser } from '../users/users.seed.js';
import type { Logger } from '../../services/common/index.js';
import { buildNewNote } from '../../services/notes/index.js';
import type { PrismaClient } from '../common/index.js';
import { createNotesPrismaRepository } from './notes.prisma-repository.js';

/**
 * Test support: stores a valid note (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedNote(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createNotesPrismaRepository(prisma, log);
  const created = await repo.create(
    buildNewNote({
      authorId: await seedUser(prisma, log),
    }),
  );
  return created.id;
}
