import type { Logger } from '../../services/common/index.js';
import { buildNewLabel } from '../../services/labels/index.js';
import type { PrismaClient } from '../common/index.js';
import { createLabelsPrismaRepository } from './labels.prisma-repository.js';

/**
 * Test support: stores a valid label (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedLabel(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createLabelsPrismaRepository(prisma, log);
  const created = await repo.create(buildNewLabel());
  return created.id;
}
