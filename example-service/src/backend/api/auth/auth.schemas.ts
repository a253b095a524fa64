import { z } from 'zod';
import { Secret } from '../../services/common/index.js';
import { BEARER_SECURITY, defineApiPaths, errorResponse, jsonContent, jsonSchema, schemaRef, storableString } from '../common/index.js';

// Every free-form string is storable (no U+0000, no unpaired surrogate; `z.email()` refuses both
// already): a login looks its email up in PostgreSQL, which cannot take U+0000 (a 500 otherwise),
// and UTF-8 would turn different unpaired surrogates of a password into one U+FFFD before hashing.

/** A password as sent: wrapped in a {@link Secret} at once, so no log line or answer can show it. */
const password = (min: number) => storableString.min(min).max(128).transform((value) => new Secret(value));
const opaque = storableString.min(1).max(512).transform((value) => new Secret(value));

/** Body of `POST /auth/register`: a valid email (≤ 254) and a password of 12–128 characters. */
export const registerBody = z.strictObject({ email: z.email().max(254), password: password(12) });

/** Body of `POST /auth/login`. */
export const loginBody = z.strictObject({ email: storableString.min(1).max(254), password: password(1) });

/** Body of `POST /auth/refresh` and `POST /auth/logout`. */
export const refreshBody = z.strictObject({ refreshToken: opaque });

type Json = Record<string, unknown>;
const unauthorized = { 401: errorResponse('AUTH.UNAUTHENTICATED: the credentials or the refresh token do not match (WWW-Authenticate: Bearer)') };
// Register, login and refresh share a stricter per-IP limit than the app's (auth.router.ts).
const limited = { 429: errorResponse('REQUEST.RATE_LIMITED: over the stricter limit of register, login and refresh (RateLimit headers)') };
const body = (schema: z.ZodType): Json => ({ requestBody: { required: true, ...jsonContent(jsonSchema(schema)) } });
const tags = ['auth'];

/** The `/auth/*` operations for the OpenAPI document (collected by the app). */
export const authApiSpec = defineApiPaths({
  schemas: {
    User: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'email', 'roles', 'createdAt', 'updatedAt'],
      properties: {
        id: { type: 'integer', minimum: 1 },
        email: { type: 'string' },
        roles: { type: 'array', items: { type: 'string' } },
        createdAt: { type: 'string', format: 'date-time' },
        updatedAt: { type: 'string', format: 'date-time' },
      },
    },
    Tokens: {
      type: 'object',
      additionalProperties: false,
      required: ['tokenType', 'accessToken', 'expiresIn', 'refreshToken'],
      properties: {
        tokenType: { const: 'Bearer' },
        accessToken: { type: 'string' },
        expiresIn: { type: 'integer', description: 'seconds' },
        refreshToken: { type: 'string' },
      },
    },
  },
  // Every operation also answers what completeOperation (common/openapi-responses.ts) adds:
  // 400, 413, 415 on bodies, 429, 401 behind a token, and `default`.
  paths: {
    '/auth/register': {
      post: {
        tags,
        summary: 'Register a user',
        operationId: 'register',
        ...body(registerBody),
        responses: { 201: { description: 'Registered', ...jsonContent(schemaRef('User')) }, 409: errorResponse('USER.CONFLICT: an account with this email already exists'), ...limited },
      },
    },
    '/auth/login': { post: { tags, summary: 'Sign in with email and password', operationId: 'login', ...body(loginBody), responses: { 200: { description: 'Signed in', ...jsonContent(schemaRef('Tokens')) }, ...unauthorized, ...limited } } },
    '/auth/refresh': { post: { tags, summary: 'Trade a refresh token for new tokens', operationId: 'refresh', ...body(refreshBody), responses: { 200: { description: 'Rotated', ...jsonContent(schemaRef('Tokens')) }, ...unauthorized, ...limited } } },
    '/auth/logout': { post: { tags, summary: 'Sign out (revoke the session)', operationId: 'logout', ...body(refreshBody), responses: { 204: { description: 'Session revoked' } } } },
    '/auth/me': { get: { tags, summary: 'Get the signed-in user', operationId: 'me', security: BEARER_SECURITY, responses: { 200: { description: 'The caller', ...jsonContent(schemaRef('User')) } } } },
  },
});
