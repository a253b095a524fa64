import { Router, type Response } from 'express';
import type { AuthService, AuthTokens } from '../../services/auth/index.js';
import { functionLogger, moduleLogger, type Logger } from '../../services/common/index.js';
import { actorOf, rateLimiter, requireActor, route, type RateLimitOptions } from '../common/index.js';
import { loginBody, refreshBody, registerBody } from './auth.schemas.js';

/**
 * Writes a token answer; tokens leave their {@link Secret} wrapper only here, in the body.
 * `Cache-Control: no-store` as RFC 6749 §5.1 requires of token responses.
 *
 * @param res - the response.
 * @param tokens - what the service issued.
 */
function sendTokens(res: Response, tokens: AuthTokens): void {
  res.set('cache-control', 'no-store');
  res.json({ tokenType: tokens.tokenType, accessToken: tokens.accessToken.reveal(), expiresIn: tokens.expiresIn, refreshToken: tokens.refreshToken.reveal() });
}

/**
 * The HTTP adapter of `auth` under `/auth`: register, login, refresh and logout (bodies), me
 * (bearer token). Register, login and refresh share a stricter per-IP rate limit (429
 * `REQUEST.RATE_LIMITED` with `RateLimit` headers) against credential stuffing and brute force.
 *
 * @param service - the auth service.
 * @param rootLog - the root logger.
 * @param limits - the stricter rate limit (AUTH_RATE_LIMIT_WINDOW_MS / AUTH_RATE_LIMIT_MAX).
 * @returns an Express router to mount at `/auth`.
 */
export function createAuthRouter(service: AuthService, rootLog: Logger, limits: RateLimitOptions): Router {
  const log = moduleLogger(rootLog, 'AuthApi');
  const fn = (name: string): Logger => functionLogger(log, 'AuthApi', name);
  const router = Router();
  const strict = rateLimiter(limits);
  router.post('/register', strict, route(fn('register'), { body: registerBody }, async ({ body }, res) => {
    res.status(201).json(await service.register(body));
  }));
  router.post('/login', strict, route(fn('login'), { body: loginBody }, async ({ body }, res) => {
    sendTokens(res, await service.login(body));
  }));
  router.post('/refresh', strict, route(fn('refresh'), { body: refreshBody }, async ({ body }, res) => {
    sendTokens(res, await service.refresh(body.refreshToken));
  }));
  router.post('/logout', route(fn('logout'), { body: refreshBody }, async ({ body }, res) => {
    await service.logout(body.refreshToken);
    res.status(204).end();
  }));
  router.get('/me', requireActor(service), route(fn('me'), {}, async (_input, res) => {
    res.json(await service.me(actorOf(res)));
  }));
  return router;
}
