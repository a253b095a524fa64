import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { ReferralsService } from '../../services/referrals/index.js';
import { route } from '../common/index.js';
import {
  createReferralBody,
  referralIdParams,
  referralsPageQuery,
  updateReferralBody,
  // scaffold:usecase-imports
} from './referrals.schemas.js';

/**
 * The HTTP adapter of `referrals`: CRUD routes under `/referrals`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `referrals` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/referrals`.
 */
export function createReferralsRouter(service: ReferralsService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'ReferralsApi');
  const fn = (name: string): Logger => functionLogger(log, 'ReferralsApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createReferralBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: referralsPageQuery }, async ({ query }, res) => {
    const { limit, offset, ...filter } = query;
    res.json(await service.list({ limit, offset }, filter));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:code', route(fn('get'), { params: referralIdParams }, async ({ params }, res) => {
    res.json(await service.get(await service.idOf(params.code)));
  }));
  router.patch('/:code', route(fn('update'), { params: referralIdParams, body: updateReferralBody }, async ({ params, body }, res) => {
    res.json(await service.update(await service.idOf(params.code), body));
  }));
  router.delete('/:code', route(fn('remove'), { params: referralIdParams }, async ({ params }, res) => {
    await service.remove(await service.idOf(params.code));
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
