import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CENSOR, redactSecrets } from './log-redaction.js';
import { createRootLogger } from './logger.js';

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;
const redacted = (value: unknown): unknown => JSON.parse(redactSecrets(line(value)));

describe('redactSecrets', () => {
  it('When a line has no secret key, then it is returned unchanged (same string)', () => {
    const text = line({ level: 30, msg: 'password token secret', note: '"password":"x"', req: { url: '/a?token=1' } });
    expect(redactSecrets(text)).toBe(text);
  });

  it('When secret keys appear at any depth, in arrays, or hold objects, then only their values are censored', () => {
    expect(
      redacted({
        password: 'p1',
        input: [{ password: 'p2', nested: { token: 't1', ok: 1 } }, 'x'],
        a: { b: { c: { d: { e: { secret: 's1', keep: 'k' } } } } },
        apiKey: { deep: ['a', { x: '}' }] },
        headers: { authorization: 'Bearer x', cookie: 'sid=1', 'x-api-key': 'k', 'set-cookie': ['a=1'], 'proxy-authorization': 'b' },
        token: 12.5,
        accessToken: null,
        refreshToken: true,
        databaseUrl: 'postgresql://u:"pw\\@h/db',
        after: 'kept',
      }),
    ).toEqual({
      password: CENSOR,
      input: [{ password: CENSOR, nested: { token: CENSOR, ok: 1 } }, 'x'],
      a: { b: { c: { d: { e: { secret: CENSOR, keep: 'k' } } } } },
      apiKey: CENSOR,
      headers: { authorization: CENSOR, cookie: CENSOR, 'x-api-key': CENSOR, 'set-cookie': CENSOR, 'proxy-authorization': CENSOR },
      token: CENSOR,
      accessToken: CENSOR,
      refreshToken: CENSOR,
      databaseUrl: CENSOR,
      after: 'kept',
    });
  });

  it('When a string value contains quoted JSON with a secret key, then the line stays valid JSON', () => {
    const value = { msg: 'x', body: '{"password":"inside a string"}', password: 'p' };
    expect(redacted(value)).toEqual({ ...value, password: CENSOR });
  });

  it('When the root logger writes secrets in bindings, mixin-free objects and errors, then no line shows them', () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createRootLogger({ level: 'info', pretty: false, destination: stream });
    const err = Object.assign(new Error('boom'), { token: 'SECRET-1' });
    log.child({ secret: 'SECRET-2' }).error({ err, cfg: { db: { databaseUrl: 'SECRET-3' } }, url: 'SECRET-4' }, 'failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('failed');
    expect(lines[0]).not.toMatch(/SECRET-\d/);
  });
});
