import { seedCustomer } from '../customers/customers.seed.js';
import type { Logger } from '../../services/common/index.js';
import { buildNewReferral } from '../../services/referrals/index.js';
import type { PrismaClient } from '../common/index.js';
import { createReferralsPrismaRepository } from './referrals.prisma-repository.js';

/**
 * Test support: stores a valid referral (and first every row it references) through the
 * Prisma adapter, so other modules' database tests can point at a real row.
 *
 * @param prisma - the Prisma client of a test database.
 * @param log - a logger.
 * @returns the new row's id.
 */
export async function seedReferral(prisma: PrismaClient, log: Logger): Promise<number> {
  const repo = createReferralsPrismaRepository(prisma, log);
  const created = await repo.create(
    buildNewReferral({
      referrerId: await seedCustomer(prisma, log),
      referredId: await seedCustomer(prisma, log),
    }),
  );
  return created.id;
}
