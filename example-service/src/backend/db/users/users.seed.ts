import { randomUUID } from 'node:crypto';
import { Secret, type Logger } from '../../services/common/index.js';
import type { PrismaClient } from '../common/index.js';
import { createUsersPrismaRepository } from './users.prisma-repository.js';

/**
 * Test support: stores a user with a unique email through the Prisma adapter, so database tests
 * of owned modules can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new user's id.
 */
export async function seedUser(prisma: PrismaClient, log: Logger): Promise<number> {
  const created = await createUsersPrismaRepository(prisma, log).create({ email: `seed-${randomUUID()}@example.com`, passwordHash: new Secret('$argon2id$seed') });
  return created.id;
}
