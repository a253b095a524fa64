import argon2 from 'argon2';
import express from 'express';
import { pino } from 'pino';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { currentWatch, findLeaks, type LeakWatch } from './setup/leak-watch.js';

const PASSWORD = 'a watched password';

// The suite-wide leak watch (test/setup/no-secret-leaks.ts) is real: it sees what every test file's
// loggers and apps produce, and its check fails on a leak.
describe('the suite-wide leak watch', () => {
  it('When a password goes through argon2, then a silent logger\'s line or a response holding it or its hash is a leak', async () => {
    const watch = currentWatch();
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect([...watch.secrets]).toEqual(expect.arrayContaining([PASSWORD, hash]));
    pino({ level: 'silent' }).trace({ input: PASSWORD }, 'a line no destination shows');
    const app = express();
    app.get('/x', (_req, res) => void res.json({ hash }));
    await request(app).get('/x').expect(200);
    const leaks = findLeaks(watch);
    expect(leaks.some((l) => l.startsWith('log line') && l.includes('a password, secret or hash given to argon2'))).toBe(true);
    expect(leaks.some((l) => l.startsWith('response body') && l.includes('an argon2 hash'))).toBe(true);
    // Forget them: this file's own final check (the setup file's afterAll) must pass.
    watch.lines.length = 0;
    watch.bodies.length = 0;
  });

  it('When a logger has a level and a destination, then its destination still gets only its level (the watch gets every line)', () => {
    const seen: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void seen.push(line) });
    const before = currentWatch().lines.length;
    log.debug('below the level');
    log.info('at the level');
    expect(seen.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['at the level']);
    expect(currentWatch().lines.slice(before).map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['below the level', 'at the level']);
  });

  it('When nothing holds a watched value, then there is no leak; any argon2 hash, or a watched value anywhere, is one', () => {
    const watch: LeakWatch = { lines: ['{"msg":"[Auth:login] called","input":["[redacted]"]}'], bodies: ['{"id":1,"email":"a@b.io"}'], secrets: new Set([PASSWORD]) };
    expect(findLeaks(watch)).toEqual([]);
    expect(findLeaks({ ...watch, bodies: ['{"h":"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"}'] })).toHaveLength(1);
    expect(findLeaks({ ...watch, lines: [`{"password":"${PASSWORD}"}`] })).toEqual([expect.stringMatching(/^log line #1 holds a password/)]);
  });
});
