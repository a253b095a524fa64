import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { ShipmentsService } from '../../services/shipments/index.js';
import { route } from '../common/index.js';
import {
  createShipmentBody,
  shipmentIdParams,
  shipmentsListQuery,
  updateShipmentBody,
  // scaffold:usecase-imports
} from './shipments.schemas.js';

/**
 * The HTTP adapter of `shipments`: CRUD routes under `/shipments`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `shipments` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/shipments`.
 */
export function createShipmentsRouter(service: ShipmentsService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'ShipmentsApi');
  const fn = (name: string): Logger => functionLogger(log, 'ShipmentsApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createShipmentBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: shipmentsListQuery }, async ({ query }, res) => {
    res.json(await service.list(query));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:trackingCode', route(fn('get'), { params: shipmentIdParams }, async ({ params }, res) => {
    res.json(await service.get(await service.idOf(params.trackingCode)));
  }));
  router.patch('/:trackingCode', route(fn('update'), { params: shipmentIdParams, body: updateShipmentBody }, async ({ params, body }, res) => {
    res.json(await service.update(await service.idOf(params.trackingCode), body));
  }));
  router.delete('/:trackingCode', route(fn('remove'), { params: shipmentIdParams }, async ({ params }, res) => {
    await service.remove(await service.idOf(params.trackingCode));
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
