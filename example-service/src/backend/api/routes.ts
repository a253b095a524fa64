import { Router } from 'express';
import type { Logger } from '../services/common/index.js';
// scaffold:imports

/** Every module's service, as the route table needs them (wired in the composition root). */
export interface Services {
  // scaffold:services
}

/**
 * The route table: mounts each module's router under its path. Generators register modules here
 * by anchored patches on the `scaffold:` marker lines; do not remove them.
 *
 * @param services - one service per module.
 * @param log - the root logger; each router derives its module logger.
 * @returns a router holding every module's routes.
 */
export function createRouteTable(services: Services, log: Logger): Router {
  const router = Router();
  // scaffold:routes
  return router;
}
