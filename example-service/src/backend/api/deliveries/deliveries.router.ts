import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { DeliveriesService } from '../../services/deliveries/index.js';
import { route } from '../common/index.js';
import {
  createDeliveryBody,
  deliveryIdParams,
  deliveriesListQuery,
  updateDeliveryBody,
  // scaffold:usecase-imports
} from './deliveries.schemas.js';

/**
 * The HTTP adapter of `deliveries`: CRUD routes under `/deliveries`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `deliveries` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/deliveries`.
 */
export function createDeliveriesRouter(service: DeliveriesService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'DeliveriesApi');
  const fn = (name: string): Logger => functionLogger(log, 'DeliveriesApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createDeliveryBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: deliveriesListQuery }, async ({ query }, res) => {
    res.json(await service.list(query));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:trackingCode', route(fn('get'), { params: deliveryIdParams }, async ({ params }, res) => {
    res.json(await service.get(await service.idOf(params.trackingCode)));
  }));
  router.patch('/:trackingCode', route(fn('update'), { params: deliveryIdParams, body: updateDeliveryBody }, async ({ params, body }, res) => {
    res.json(await service.update(await service.idOf(params.trackingCode), body));
  }));
  router.delete('/:trackingCode', route(fn('remove'), { params: deliveryIdParams }, async ({ params }, res) => {
    await service.remove(await service.idOf(params.trackingCode));
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
