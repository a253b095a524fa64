import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AuthConfigError, loadAuthSettings } from './auth.config.js';

const log = pino({ level: 'silent' });
const good = Buffer.alloc(32, 9).toString('base64');

describe('loadAuthSettings', () => {
  it('When AUTH_JWT_SECRET is missing in production, then start-up fails naming the variable', () => {
    expect(() => loadAuthSettings({ NODE_ENV: 'production' }, log)).toThrow(/AUTH_JWT_SECRET: required in production/);
  });

  it('When the secret is too short or not base64, then it is refused without echoing it', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    for (const value of [short.padEnd(44, '*'), 'x'.repeat(20), Buffer.alloc(31, 1).toString('base64')]) {
      let error: unknown;
      try {
        loadAuthSettings({ NODE_ENV: 'production', AUTH_JWT_SECRET: value }, log);
      } catch (err) {
        error = err;
      }
      expect(error, value).toBeInstanceOf(AuthConfigError);
      expect((error as Error).message).toMatch(/AUTH_JWT_SECRET/);
      expect((error as Error).message).not.toContain(value);
    }
  });

  it('When a 32-byte secret is given, then it is the key, from the environment', () => {
    const settings = loadAuthSettings({ NODE_ENV: 'production', AUTH_JWT_SECRET: good }, log);
    expect(settings.keySource).toBe('env');
    expect(Buffer.from(settings.key).equals(Buffer.alloc(32, 9))).toBe(true);
    expect(settings).toMatchObject({ accessTtlSeconds: 900, rateLimit: { limit: 10, windowMs: 60_000 } });
  });

  it('When no secret is set in development, then a random key is generated and a warning says so (never the key)', () => {
    const lines: string[] = [];
    const sink = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
    const a = loadAuthSettings({ NODE_ENV: 'development' }, sink);
    const b = loadAuthSettings({}, sink);
    expect(a.keySource).toBe('generated');
    expect(a.key.length).toBe(32);
    expect(Buffer.from(a.key).equals(Buffer.from(b.key))).toBe(false);
    expect(lines.join('')).toMatch(/AUTH_JWT_SECRET is not set/);
    expect(lines.join('')).not.toContain(Buffer.from(a.key).toString('base64'));
  });
});
