import { Router } from 'express';
import { functionLogger, moduleLogger, type Authenticator, type Logger } from '../../services/common/index.js';
import type { NotesService } from '../../services/notes/index.js';
import { actorOf, requireActor, route } from '../common/index.js';
import {
  createNoteBody,
  noteIdParams,
  notesPageQuery,
  updateNoteBody,
  // scaffold:usecase-imports
} from './notes.schemas.js';

/**
 * The HTTP adapter of `notes`: CRUD routes under `/notes`, each for signed-in users only
 * (a bearer access token, else 401 `AUTH.UNAUTHENTICATED`). Each handler validates with zod,
 * calls the service with the caller ({@link actorOf}) and answers JSON; errors go to the app's error handler.
 *
 * @param service - the `notes` service.
 * @param rootLog - the root logger.
 * @param auth - verifies access tokens (the auth module's service).
 * @returns an Express router to mount at `/notes`.
 */
export function createNotesRouter(service: NotesService, rootLog: Logger, auth: Authenticator): Router {
  const log = moduleLogger(rootLog, 'NotesApi');
  const fn = (name: string): Logger => functionLogger(log, 'NotesApi', name);
  const router = Router();
  router.use(requireActor(auth));
  router.post('/', route(fn('create'), { body: createNoteBody }, async ({ body }, res) => {
    res.status(201).json(await service.create(actorOf(res), body));
  }));
  router.get('/', route(fn('list'), { query: notesPageQuery }, async ({ query }, res) => {
    const { limit, offset, ...filter } = query;
    res.json(await service.list(actorOf(res), { limit, offset }, filter));
  }));
  // scaffold:usecase-collection-routes
  router.get('/:id', route(fn('get'), { params: noteIdParams }, async ({ params }, res) => {
    res.json(await service.get(actorOf(res), params.id));
  }));
  router.patch('/:id', route(fn('update'), { params: noteIdParams, body: updateNoteBody }, async ({ params, body }, res) => {
    res.json(await service.update(actorOf(res), params.id, body));
  }));
  router.delete('/:id', route(fn('remove'), { params: noteIdParams }, async ({ params }, res) => {
    await service.remove(actorOf(res), params.id);
    res.status(204).end();
  }));
  // scaffold:usecase-routes
  return router;
}
