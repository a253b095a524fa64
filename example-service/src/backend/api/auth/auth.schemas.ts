import { z } from 'zod';
import { Secret } from '../../services/common/index.js';
import { BEARER_SECURITY, defineApiPaths, jsonSchema, storableString } from '../common/index.js';

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
const json = (schema: Json): Json => ({ content: { 'application/json': { schema } } });
const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const errors = { default: { description: 'Error (4xx/5xx), stable code', ...json(ref('Error')) } };
const unauthorized = { 401: { description: 'AUTH.UNAUTHENTICATED (WWW-Authenticate: Bearer)', ...json(ref('Error')) } };
const limited = { 429: { description: 'REQUEST.RATE_LIMITED (RateLimit headers)', ...json(ref('Error')) } };
const body = (schema: z.ZodType): Json => ({ requestBody: { required: true, ...json(jsonSchema(schema)) } });
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
  paths: {
    '/auth/register': { post: { tags, operationId: 'register', ...body(registerBody), responses: { 201: { description: 'Registered', ...json(ref('User')) }, ...limited, ...errors } } },
    '/auth/login': { post: { tags, operationId: 'login', ...body(loginBody), responses: { 200: { description: 'Signed in', ...json(ref('Tokens')) }, ...unauthorized, ...limited, ...errors } } },
    '/auth/refresh': { post: { tags, operationId: 'refresh', ...body(refreshBody), responses: { 200: { description: 'Rotated', ...json(ref('Tokens')) }, ...unauthorized, ...limited, ...errors } } },
    '/auth/logout': { post: { tags, operationId: 'logout', ...body(refreshBody), responses: { 204: { description: 'Session revoked' }, ...errors } } },
    '/auth/me': { get: { tags, operationId: 'me', security: BEARER_SECURITY, responses: { 200: { description: 'The caller', ...json(ref('User')) }, ...unauthorized, ...errors } } },
  },
});
