import type { Logger } from '../../services/common/index.js';
import { buildNewPlan } from '../../services/plans/index.js';
import type { PrismaClient } from '../common/index.js';
import { createPlansPrismaRepository } from './plans.prisma-repository.js';

/**
 * Test support: stores a valid plan (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedPlan(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createPlansPrismaRepository(prisma, log);
  const created = await repo.create(buildNewPlan());
  return created.id;
}
