import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Data directories this process holds. */
const held = new Set<string>();

/** Raised when another live process (or this one) already serves the data directory. */
export class DataDirInUseError extends Error {
  /**
   * @param dataDir - the directory.
   * @param pid - the process holding it.
   */
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The embedded database in ${dataDir} is already open in process ${pid}; stop it first`);
    this.name = 'DataDirInUseError';
  }
}

/** True when a process with this id is alive. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory (a `<dataDir>.lock` file holding the pid,
 * beside the directory). PGlite itself has no `postmaster.pid`: two processes opening one directory
 * would corrupt it. A lock left by a dead process is taken over.
 *
 * @param dataDir - the data directory.
 * @returns a function releasing the lock (idempotent).
 * @throws {DataDirInUseError} when a live process holds the lock.
 * @throws when the lock file cannot be written.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = path.resolve(dataDir);
  const lockFile = `${dir}.lock`;
  if (held.has(dir)) throw new DataDirInUseError(dir, process.pid);
  await mkdir(path.dirname(dir), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
      const live = Number.isInteger(pid) && pid !== process.pid && isAlive(pid);
      if (live || attempt > 0) throw new DataDirInUseError(dir, Number.isInteger(pid) ? pid : 0);
      await unlink(lockFile).catch(() => undefined); // stale: its process is gone
    }
  }
  held.add(dir);
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    held.delete(dir);
    await unlink(lockFile).catch(() => undefined);
  };
}
