import { Router } from 'express';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import type { LabelsService } from '../../services/labels/index.js';
import { route } from '../common/index.js';
import {
  createLabelBody,
  labelIdParams,
  labelsPageQuery,
  updateLabelBody,
  // scaffold:usecase-imports
} from './labels.schemas.js';

/**
 * The HTTP adapter of `labels`: CRUD routes under `/labels`. Each handler validates with
 * zod, calls the service and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `labels` service.
 * @param rootLog - the root logger.
 * @returns an Express router to mount at `/labels`.
 */
export function createLabelsRouter(service: LabelsService, rootLog: Logger): Router {
  const log = moduleLogger(rootLog, 'LabelsApi');
  const fn = (name: string): Logger => functionLogger(log, 'LabelsApi', name);
  const router = Router();
  router.post('/', route(fn('create'), { body: createLabelBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(body));
  }));
  router.get('/', route(fn('list'), { query: labelsPageQuery }, async ({ query }, res) => {
    res.json(await service.list(query));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:id', route(fn('get'), { params: labelIdParams }, async ({ params }, res) => {
    res.json(await service.get(params.id));
  }));
  router.patch('/:id', route(fn('update'), { params: labelIdParams, body: updateLabelBody }, async ({ params, body }, res) => {
    res.json(await service.update(params.id, body));
  }));
  router.delete('/:id', route(fn('remove'), { params: labelIdParams }, async ({ params }, res) => {
    await service.remove(params.id);
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
