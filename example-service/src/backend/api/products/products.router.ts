import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { ProductsService } from '../../services/products/index.js';
import { route } from '../common/index.js';
import {
  createProductBody,
  productIdParams,
  productsPageQuery,
  updateProductBody,
  // scaffold:usecase-imports
} from './products.schemas.js';

/**
 * The HTTP adapter of `products`: CRUD routes under `/products`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `products` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/products`.
 */
export function createProductsRouter(service: ProductsService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'ProductsApi');
  const fn = (name: string): Logger => functionLogger(log, 'ProductsApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createProductBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: productsPageQuery }, async ({ query }, res) => {
    const { limit, offset, ...filter } = query;
    res.json(await service.list({ limit, offset }, filter));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:id', route(fn('get'), { params: productIdParams }, async ({ params }, res) => {
    res.json(await service.get(params.id));
  }));
  router.patch('/:id', route(fn('update'), { params: productIdParams, body: updateProductBody }, async ({ params, body }, res) => {
    res.json(await service.update(params.id, body));
  }));
  router.delete('/:id', route(fn('remove'), { params: productIdParams }, async ({ params }, res) => {
    await service.remove(params.id);
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
