import type { RequestHandler, Response } from 'express';
import { ForbiddenError, hasRole, Secret, UnauthenticatedError, type Actor, type Authenticator } from '../../services/common/index.js';

/** `Authorization: Bearer <token>` (RFC 6750 §2.1: `"Bearer" 1*SP b64token`; the scheme is case-insensitive, RFC 9110 §11.1). */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Middleware that authenticates every request of a router: it reads the bearer token, lets the
 * {@link Authenticator} verify it and keeps the {@link Actor} in `res.locals.actor`. No token, a
 * malformed header or a token that fails verification → 401 `AUTH.UNAUTHENTICATED` with
 * `WWW-Authenticate: Bearer` (RFC 6750 §3), before any body is validated. With `role`, a caller
 * without that role → 403 `<scope>.FORBIDDEN`. A request already authenticated by an earlier
 * `requireActor` (the router's) is not verified twice: a route that needs a role on top of its
 * router's sign-in only checks the role.
 *
 * @param authenticator - the auth module's service (verifies access tokens).
 * @param options - `role` the caller must hold and the error `scope` for the 403.
 * @returns an Express middleware.
 */
export function requireActor(authenticator: Authenticator, options: { role?: string; scope?: string } = {}): RequestHandler {
  return async (req, res, next) => {
    let actor = res.locals.actor as Actor | undefined;
    if (!actor) {
      const match = BEARER.exec(req.headers.authorization ?? '');
      if (!match?.[1]) throw new UnauthenticatedError();
      actor = await authenticator.authenticate(new Secret(match[1]));
    }
    if (options.role !== undefined && !hasRole(actor, options.role)) {
      throw new ForbiddenError(options.scope ?? 'AUTH', `this route requires the ${options.role} role`);
    }
    res.locals.actor = actor;
    next();
  };
}

/**
 * The caller that {@link requireActor} authenticated for this request.
 *
 * @param res - the response of a request that passed {@link requireActor}.
 * @returns the actor.
 * @throws {UnauthenticatedError} when no actor was set (the router lacks `requireActor`).
 */
export function actorOf(res: Response): Actor {
  const actor = res.locals.actor as Actor | undefined;
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
