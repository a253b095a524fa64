import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { ReceiptsService } from '../../services/receipts/index.js';
import { route } from '../common/index.js';
import {
  createReceiptBody,
  receiptIdParams,
  receiptsPageQuery,
  updateReceiptBody,
  // scaffold:usecase-imports
} from './receipts.schemas.js';

/**
 * The HTTP adapter of `receipts`: CRUD routes under `/receipts`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `receipts` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/receipts`.
 */
export function createReceiptsRouter(service: ReceiptsService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'ReceiptsApi');
  const fn = (name: string): Logger => functionLogger(log, 'ReceiptsApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createReceiptBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: receiptsPageQuery }, async ({ query }, res) => {
    const { limit, offset, ...filter } = query;
    res.json(await service.list({ limit, offset }, filter));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:id', route(fn('get'), { params: receiptIdParams }, async ({ params }, res) => {
    res.json(await service.get(params.id));
  }));
  router.patch('/:id', route(fn('update'), { params: receiptIdParams, body: updateReceiptBody }, async ({ params, body }, res) => {
    res.json(await service.update(params.id, body));
  }));
  router.delete('/:id', route(fn('remove'), { params: receiptIdParams }, async ({ params }, res) => {
    await service.remove(params.id);
    res.status(204).end();
  }));
  router.post('/:id/refund', route(fn('refund'), { params: receiptIdParams }, async ({ params }, res) => {
    res.json(await service.refund(params.id));
  }));
  // scaffold:usecase-routes
  return router;
}
