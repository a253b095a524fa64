import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { CustomersService } from '../../services/customers/index.js';
import { route } from '../common/index.js';
import {
  createCustomerBody,
  customerIdParams,
  customersPageQuery,
  updateCustomerBody,
  customerSearchQuery,
  // scaffold:usecase-imports
} from './customers.schemas.js';

/**
 * The HTTP adapter of `customers`: CRUD routes under `/customers`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `customers` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/customers`.
 */
export function createCustomersRouter(service: CustomersService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'CustomersApi');
  const fn = (name: string): Logger => functionLogger(log, 'CustomersApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createCustomerBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: customersPageQuery }, async ({ query }, res) => {
    res.json(await service.list(query));
  }));
  router.get('/search', route(fn('search'), { query: customerSearchQuery }, async ({ query }, res) => {
    const { limit, offset, ...filter } = query;
    res.json(await service.search({ limit, offset }, filter));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:id', route(fn('get'), { params: customerIdParams }, async ({ params }, res) => {
    res.json(await service.get(params.id));
  }));
  router.patch('/:id', route(fn('update'), { params: customerIdParams, body: updateCustomerBody }, async ({ params, body }, res) => {
    res.json(await service.update(params.id, body));
  }));
  router.delete('/:id', route(fn('remove'), { params: customerIdParams }, async ({ params }, res) => {
    await service.remove(params.id);
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
