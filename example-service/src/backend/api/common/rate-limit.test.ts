import express from 'express';
import { MemoryStore } from 'express-rate-limit';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.js';
import { rateLimiter } from './rate-limit.js';

describe('rateLimiter', () => {
  it('When a store factory is given, then the limiter asks it for a store under its prefix and names its policy so', async () => {
    const asked: string[] = [];
    const app = express();
    app.use(rateLimiter({ windowMs: 60_000, limit: 2, prefix: 'auth', store: (prefix) => (asked.push(prefix), new MemoryStore()) }));
    app.get('/x', (_req, res) => void res.json({}));
    const answers = [await request(app).get('/x'), await request(app).get('/x'), await request(app).get('/x')];
    expect(asked).toEqual(['auth']);
    expect(answers.map((res) => res.status)).toEqual([200, 200, 429]);
    expect(answers[0]?.headers.ratelimit).toMatch(/^"auth"; r=1; t=\d+$/);
    expect(answers[2]?.body.code).toBe('REQUEST.RATE_LIMITED');
  });

  it('When REDIS_URL is set, then the config carries it with the key prefix; a non-Redis URL or bad prefix is refused by name', () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2' }).redis).toEqual({ url: 'redis://127.0.0.1:6379/2', keyPrefix: 'example-service:' });
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(() => loadConfig({ REDIS_URL: 'redis://h', REDIS_KEY_PREFIX: 'a b' })).toThrow(/REDIS_KEY_PREFIX/);
  });
});
