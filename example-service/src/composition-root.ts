import type { PrismaClient } from '../generated/prisma/client.js';
import type { Services } from './backend/api/index.js';
import type { Logger } from './backend/services/common/index.js';
// scaffold:imports

/**
 * The composition root: the one place that sees both sides, wiring each module's service (core)
 * to its Prisma repository (adapter) with plain factories. Generators register modules here by
 * anchored patches on the `scaffold:` marker lines; do not remove them.
 *
 * @param prisma - the Prisma client of the service's database.
 * @param log - the root logger.
 * @returns one service per module.
 */
export function composeServices(prisma: PrismaClient, log: Logger): Services {
  return {
    // scaffold:services
  };
}

/**
 * The same wiring over the in-memory repositories (API tests, benchmarks, no database).
 *
 * @param log - the root logger.
 * @returns one service per module, each with a fresh in-memory repository.
 */
export function composeInMemoryServices(log: Logger): Services {
  return {
    // scaffold:memory-services
  };
}
