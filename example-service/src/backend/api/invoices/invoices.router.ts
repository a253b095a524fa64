import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { InvoicesService } from '../../services/invoices/index.js';
import { route } from '../common/index.js';
import {
  createInvoiceBody,
  invoiceIdParams,
  invoicesPageQuery,
  updateInvoiceBody,
  // scaffold:usecase-imports
} from './invoices.schemas.js';

/**
 * The HTTP adapter of `invoices`: CRUD routes under `/invoices`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `invoices` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/invoices`.
 */
export function createInvoicesRouter(service: InvoicesService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'InvoicesApi');
  const fn = (name: string): Logger => functionLogger(log, 'InvoicesApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createInvoiceBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: invoicesPageQuery }, async ({ query }, res) => {
    res.json(await service.list(query));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:id', route(fn('get'), { params: invoiceIdParams }, async ({ params }, res) => {
    res.json(await service.get(params.id));
  }));
  router.patch('/:id', route(fn('update'), { params: invoiceIdParams, body: updateInvoiceBody }, async ({ params, body }, res) => {
    res.json(await service.update(params.id, body));
  }));
  router.delete('/:id', route(fn('remove'), { params: invoiceIdParams }, async ({ params }, res) => {
    await service.remove(params.id);
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
