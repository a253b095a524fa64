import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeneratorInputError } from '../errors.js';

const sleep = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes the run lock of a service (a folder made atomically under the OS temp folder, holding the
 * owner's pid): a second run waits up to `waitMs`, then refuses; a lock whose owner died is taken over.
 *
 * @param serviceDir - absolute service root.
 * @param waitMs - how long to wait for another run to finish.
 * @returns a function that releases the lock.
 * @throws {GeneratorInputError} when another run still holds the lock after `waitMs`.
 */
export function acquireLock(serviceDir: string, waitMs = 20_000): () => void {
  const dir = join(tmpdir(), 'backend-scaffold-locks', createHash('sha256').update(serviceDir).digest('hex').slice(0, 16));
  mkdirSync(join(dir, '..'), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(dir);
      writeFileSync(join(dir, 'pid'), String(process.pid));
      return () => rmSync(dir, { recursive: true, force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(join(dir, 'pid'), 'utf8'));
    } catch {
      // the owner has not written its pid yet
    }
    if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new GeneratorInputError(`Another generator run (pid ${String(owner)}) is changing ${serviceDir}: try again when it has finished.`);
    }
    sleep(100);
  }
}
