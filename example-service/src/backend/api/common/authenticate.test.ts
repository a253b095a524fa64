import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { Secret, UnauthenticatedError, type Actor, type Authenticator } from '../../services/common/index.js';
import { errorHandler } from './error-handler.js';
import { actorOf, requireActor } from './authenticate.js';

/** An authenticator that knows two tokens: `admin-token` (role admin) and `user-token` (no role). */
const authenticator: Authenticator = {
  authenticate: async (token: Secret): Promise<Actor> => {
    if (token.reveal() === 'admin-token') return { userId: 1, roles: ['admin'] };
    if (token.reveal() === 'user-token') return { userId: 2, roles: [] };
    throw new UnauthenticatedError();
  },
};

function appWith(options?: { role?: string; scope?: string }) {
  const app = express();
  app.get('/x', requireActor(authenticator, options), (_req, res) => {
    res.json(actorOf(res));
  });
  app.use(errorHandler());
  return app;
}

describe('requireActor', () => {
  it.each(['Bearer user-token', 'bearer  user-token'])('When the bearer token verifies (%s), then the handler sees its actor', async (header) => {
    const res = await request(appWith()).get('/x').set('authorization', header).expect(200);
    expect(res.body).toEqual({ userId: 2, roles: [] });
  });

  it.each([['no header', undefined], ['another scheme', 'Basic dXNlcjpwdw=='], ['no token', 'Bearer'], ['a token with a space', 'Bearer user token'], ['an unknown token', 'Bearer nope']])(
    'When the request has %s, then 401 AUTH.UNAUTHENTICATED with WWW-Authenticate',
    async (_case, header) => {
      const req = request(appWith()).get('/x');
      const res = await (header === undefined ? req : req.set('authorization', header)).expect(401);
      expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="api"');
    },
  );

  it('When a route needs a role the caller lacks, then 403 <SCOPE>.FORBIDDEN; with it, 200', async () => {
    const app = appWith({ role: 'admin', scope: 'REPORT' });
    const res = await request(app).get('/x').set('authorization', 'Bearer user-token').expect(403);
    expect(res.body.code).toBe('REPORT.FORBIDDEN');
    await request(app).get('/x').set('authorization', 'Bearer admin-token').expect(200);
  });

  it('When a route needs a role on top of its router\'s sign-in, then the token is verified once and the role is checked', async () => {
    let verified = 0;
    const counting: Authenticator = { authenticate: async (token) => ((verified += 1), authenticator.authenticate(token)) };
    const app = express();
    const router = express.Router();
    router.use(requireActor(counting));
    router.get('/x', requireActor(counting, { role: 'admin', scope: 'REPORT' }), (_req, res) => {
      res.json(actorOf(res));
    });
    app.use(router);
    app.use(errorHandler());
    expect((await request(app).get('/x').set('authorization', 'Bearer user-token').expect(403)).body.code).toBe('REPORT.FORBIDDEN');
    await request(app).get('/x').set('authorization', 'Bearer admin-token').expect(200);
    expect(verified).toBe(2);
  });
});
