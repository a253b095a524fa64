import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeError } from './validation.js';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a request that carries a body in anything but JSON with 415
 * `REQUEST.UNSUPPORTED_MEDIA_TYPE`. Without it Express 5 silently leaves `req.body` undefined for
 * `text/plain` or a form, and the client gets a confusing validation error instead.
 *
 * @returns an Express middleware; mount it before `express.json()`.
 * @throws {UnsupportedMediaTypeError} (to the error handler) for a non-JSON body.
 */
export function requireJsonBody(): RequestHandler {
  return (req, _res, next) => {
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (BODY_METHODS.has(req.method) && hasBody && !req.is(['application/json', 'application/*+json'])) {
      next(new UnsupportedMediaTypeError(req.headers['content-type']));
      return;
    }
    next();
  };
}
