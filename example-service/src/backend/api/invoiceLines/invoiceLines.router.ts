import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { InvoiceLinesService } from '../../services/invoiceLines/index.js';
import { route } from '../common/index.js';
import {
  createInvoiceLineBody,
  invoiceLineItemParams,
  invoiceLinesPageQuery,
  invoiceLinesParentParams,
  updateInvoiceLineBody,
  // scaffold:usecase-imports
} from './invoiceLines.schemas.js';

/**
 * The HTTP adapter of `invoiceLines`, nested under `invoices`: CRUD routes under
 * `/invoices/:invoiceId/invoice-lines`, each scoped to that invoice. Each handler resolves the parent's
 * id (a missing one answers 404 INVOICE.NOT_FOUND), validates with zod, calls the service
 * and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `invoiceLines` service.
 * @param parentIdOf - the invoice's id for the path's id (the composition root's lookup
 *   through the `invoices` service); throws its NotFoundError when there is none.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/invoices/:invoiceId/invoice-lines` (it reads the parent's parameter: `mergeParams`).
 */
export function createInvoiceLinesRouter(service: InvoiceLinesService, parentIdOf: (key: number) => Promise<number>, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'InvoiceLinesApi');
  const fn = (name: string): Logger => functionLogger(log, 'InvoiceLinesApi', name);
  const router = Router({ mergeParams: true });
  router.post('/', route(fn('create'), { params: invoiceLinesParentParams, body: createInvoiceLineBody }, async ({ params, body }, res) => {
    res.status(201).json(await service.create(await parentIdOf(params.invoiceId), body));
  }));
  router.get('/', route(fn('list'), { params: invoiceLinesParentParams, query: invoiceLinesPageQuery }, async ({ params, query }, res) => {
    res.json(await service.list(await parentIdOf(params.invoiceId), query));
  }));
  // scaffold:usecase-collection-routes
  /** The parent's id and the invoice line's id of an item route's parameters. */
  const ids = async (params: { invoiceId: number; id: number }): Promise<[number, number]> => {
    const parentId = await parentIdOf(params.invoiceId);
    return [parentId, params.id];
  };
  router.get('/:id', route(fn('get'), { params: invoiceLineItemParams }, async ({ params }, res) => {
    res.json(await service.get(...(await ids(params))));
  }));
  router.patch('/:id', route(fn('update'), { params: invoiceLineItemParams, body: updateInvoiceLineBody }, async ({ params, body }, res) => {
    res.json(await service.update(...(await ids(params)), body));
  }));
  router.delete('/:id', route(fn('remove'), { params: invoiceLineItemParams }, async ({ params }, res) => {
    await service.remove(...(await ids(params)));
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
