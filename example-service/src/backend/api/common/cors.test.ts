import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../app.js';
import { composeInMemoryServices } from '../../../composition-root.js';
import { ConfigError, loadConfig } from '../../../config.js';
import { createRootLogger } from '../../../logger.js';
import { corsMiddleware, type CorsPolicy } from './cors.js';

const ALLOWED = 'https://app.example.com';

/** An app over the in-memory services with the CORS policy that `env` configures. */
function appFor(env: NodeJS.ProcessEnv) {
  const log = createRootLogger({ level: 'silent', pretty: false });
  const cors: CorsPolicy | undefined = loadConfig(env).cors;
  return createApp({ services: composeInMemoryServices(log), log, checkReady: async () => {}, cors, rateLimit: { windowMs: 60_000, limit: 1 } });
}

describe('CORS', () => {
  it('When CORS_ORIGINS is unset, then no CORS header is sent, even to a cross-origin request', async () => {
    const res = await request(appFor({})).get('/healthz').set('origin', ALLOWED);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('When the origin is on the allow-list, then it is echoed with Vary: Origin and credentials are not allowed by default', async () => {
    const res = await request(appFor({ CORS_ORIGINS: `http://localhost:5173, ${ALLOWED}` })).get('/healthz').set('origin', ALLOWED);
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers.vary).toMatch(/origin/i);
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['access-control-expose-headers']).toMatch(/x-request-id/);
  });

  it('When a preflight comes from an allowed origin, then it is answered 204 before the rate limit, with methods and max-age', async () => {
    const app = appFor({ CORS_ORIGINS: ALLOWED, CORS_CREDENTIALS: 'true' });
    for (let i = 0; i < 3; i += 1) {
      const res = await request(app).options('/customers').set('origin', ALLOWED)
        .set('access-control-request-method', 'POST').set('access-control-request-headers', 'content-type');
      expect(res.status).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
      expect(res.headers['access-control-allow-methods']).toContain('POST');
      expect(res.headers['access-control-allow-headers']).toBe('content-type');
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers['access-control-max-age']).toBe('600');
    }
  });

  it('When the origin is not on the allow-list, then neither the answer nor the preflight carries Access-Control-Allow-Origin', async () => {
    const app = appFor({ CORS_ORIGINS: ALLOWED, CORS_CREDENTIALS: 'true' });
    const simple = await request(app).get('/healthz').set('origin', 'https://evil.example.net');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app).options('/healthz').set('origin', 'https://app.example.com.evil.example.net')
      .set('access-control-request-method', 'DELETE');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('When CORS_ORIGINS is *, then every origin gets the literal * and no credentials', async () => {
    const res = await request(appFor({ CORS_ORIGINS: '*' })).get('/healthz').set('origin', 'https://any.example.org');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it.each([
    [{ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'true' }, /CORS_ORIGINS: "\*" cannot be combined with CORS_CREDENTIALS=true/],
    [{ CORS_ORIGINS: `*,${ALLOWED}` }, /CORS_ORIGINS: "\*" must stand alone/],
    [{ CORS_ORIGINS: 'https://app.example.com/' }, /CORS_ORIGINS\.0: each entry must be an origin/],
    [{ CORS_ORIGINS: 'app.example.com' }, /CORS_ORIGINS\.0: each entry must be an origin/],
    [{ CORS_CREDENTIALS: 'true' }, /CORS_CREDENTIALS: needs CORS_ORIGINS/],
    [{ CORS_ORIGINS: ALLOWED, CORS_CREDENTIALS: 'yes' }, /CORS_CREDENTIALS/],
  ])('When the environment is %o, then start-up is refused with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('When the middleware is built with * and credentials directly, then it refuses', () => {
    expect(() => corsMiddleware({ origins: ['*'], credentials: true })).toThrow(/cannot be combined/);
  });
});
