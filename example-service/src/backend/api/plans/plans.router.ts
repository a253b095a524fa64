import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { PlansService } from '../../services/plans/index.js';
import { route } from '../common/index.js';
import {
  createPlanBody,
  planIdParams,
  plansPageQuery,
  updatePlanBody,
  // scaffold:usecase-imports
} from './plans.schemas.js';

/**
 * The HTTP adapter of `plans`: CRUD routes under `/plans`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `plans` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/plans`.
 */
export function createPlansRouter(service: PlansService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'PlansApi');
  const fn = (name: string): Logger => functionLogger(log, 'PlansApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createPlanBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: plansPageQuery }, async ({ query }, res) => {
    res.json(await service.list(query));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:slug', route(fn('get'), { params: planIdParams }, async ({ params }, res) => {
    res.json(await service.get(await service.idOf(params.slug)));
  }));
  router.patch('/:slug', route(fn('update'), { params: planIdParams, body: updatePlanBody }, async ({ params, body }, res) => {
    res.json(await service.update(await service.idOf(params.slug), body));
  }));
  router.delete('/:slug', route(fn('remove'), { params: planIdParams }, async ({ params }, res) => {
    await service.remove(await service.idOf(params.slug));
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
