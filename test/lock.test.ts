import { describe, expect, it } from 'vitest';
import { acquireLock } from '../generators/cli/lock.js';
import { readFlags } from '../generators/cli/flags.js';

describe('run lock', () => {
  it('When a run holds the lock, then a second run waits, then refuses; after release it proceeds', () => {
    const dir = `/tmp/lock-test-${process.pid}`;
    const release = acquireLock(dir);
    const started = Date.now();
    expect(() => acquireLock(dir, 300)).toThrow(/Another generator run \(pid \d+\) is changing/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    release();
    acquireLock(dir, 0)();
  });
});

describe('readFlags', () => {
  it('reads --json, --dry-run, --req=, the string options and ignores what follows --', () => {
    expect(readFlags(['endpoint', 'x', 'a:int', '--json', '--dry-run', '--req=REQ-12'])).toEqual({ json: true, dryRun: true, req: 'REQ-12', force: false, confirmDataLoss: false, options: {} });
    expect(readFlags(['usecase', 'x', 'y', '--method=GET', '--auth=admin', '--confirm-data-loss'])).toMatchObject({ options: { method: 'GET' }, auth: 'admin', confirmDataLoss: true });
    expect(() => readFlags(['usecase', 'x', 'y', '--method', 'GET'])).toThrow(/--method=<value>/);
    expect(readFlags(['endpoint', '--', '--json'])).toMatchObject({ json: false });
    expect(() => readFlags(['--req=nope'])).toThrow(/Requirement id/);
  });
});
