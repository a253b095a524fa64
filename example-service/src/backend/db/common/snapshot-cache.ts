import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dbFunctionLogger, type Logger } from './db-logging.js';

const PGLITE = `${path.sep}node_modules${path.sep}@electric-sql${path.sep}pglite${path.sep}`;
let located: { dir: string; version: string } | undefined;

/**
 * Where PGlite snapshots for tests are kept across processes — `node_modules/.cache/pglite-snapshots`
 * of the install that holds PGlite (git-ignored; shared by the service and its scratch copies) —
 * and the installed PGlite version. Resolved on first use, not at import.
 *
 * @returns the cache folder and the PGlite version.
 * @throws when PGlite is not installed.
 */
export function snapshotCache(): { dir: string; version: string } {
  if (located === undefined) {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const root = entry.slice(0, entry.lastIndexOf(PGLITE) + PGLITE.length);
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    located = { dir: path.join(root, '..', '..', '.cache', 'pglite-snapshots'), version };
  }
  return located;
}

/**
 * A key for a migrations folder: the PGlite version and every file's path and content.
 *
 * @param migrationsDir - the Prisma migrations folder.
 * @returns a hex digest; a changed, added or removed migration changes it.
 * @throws when the folder cannot be read.
 */
export async function migrationsKey(migrationsDir: string): Promise<string> {
  const hash = createHash('sha256').update(`pglite ${snapshotCache().version}\n`);
  const entries = await readdir(migrationsDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(migrationsDir, path.join(e.parentPath, e.name)))
    .sort();
  for (const file of files) hash.update(`${file}\n`).update(await readFile(path.join(migrationsDir, file))).update('\n');
  return hash.digest('hex').slice(0, 24);
}

/**
 * Reads a cached snapshot.
 *
 * @param name - the entry's name, e.g. `base` or `migrated-<key>`.
 * @returns the snapshot, or `undefined` when it is not cached (or unreadable).
 * @throws never.
 */
export async function readCachedSnapshot(name: string): Promise<Blob | undefined> {
  try {
    const { dir, version } = snapshotCache();
    return new Blob([await readFile(path.join(dir, `${name}-${version}.tgz`))]);
  } catch {
    return undefined;
  }
}

/** Migrated snapshots kept (each is a whole data directory, ~40 MB); the oldest go first. */
const KEEP_MIGRATED = 3;

/**
 * Deletes all but the newest `keep` migrated snapshots.
 *
 * @param dir - the cache folder.
 * @param keep - how many to keep.
 */
async function pruneMigrated(dir: string, keep: number): Promise<void> {
  const names = (await readdir(dir)).filter((n) => n.startsWith('migrated-') && n.endsWith('.tgz'));
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(dir, n))).mtimeMs })));
  for (const { n } of dated.sort((a, b) => b.t - a.t).slice(keep)) await rm(path.join(dir, n), { force: true });
}

/**
 * Stores a snapshot atomically (temporary file, then rename), so parallel test processes never read
 * half a file. A failure is logged and ignored: the cache only saves time.
 *
 * @param name - the entry's name.
 * @param snapshot - what {@link EmbeddedPostgres.snapshot} returned.
 * @param log - the caller's logger.
 * @returns when written (or given up).
 * @throws never.
 */
export async function writeCachedSnapshot(name: string, snapshot: Blob, log: Logger): Promise<void> {
  const fnLog = dbFunctionLogger(log, 'writeCachedSnapshot');
  const { dir, version } = snapshotCache();
  const file = path.join(dir, `${name}-${version}.tgz`);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(tmp, Buffer.from(await snapshot.arrayBuffer()));
    await rename(tmp, file);
    await pruneMigrated(dir, KEEP_MIGRATED);
  } catch (err) {
    fnLog.warn({ err, file }, 'could not cache the snapshot');
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}

/** How a data folder starts: from a cached snapshot, and under which name to cache its migrated state. */
export interface DataDirStart {
  /** The snapshot to load into the fresh folder (`loadDataDir`), if one is cached. */
  snapshot?: Blob;
  /** Cache the folder's state under this name once migrated: no snapshot of these migrations was cached. */
  cacheAs?: string;
}

/**
 * Decides how an embedded data folder starts. A folder that does not exist or is empty (a fresh
 * `npm run dev`) starts from the cached snapshot of exactly these migrations (`migrated-<key>`, the
 * one the tests build), else from the cached bare `initdb` (`base`): loading a snapshot replaces
 * PGlite's `initdb`, ~4–5 s on these machines (bench/README.md, cold start). A folder that holds
 * anything is opened as it is.
 *
 * @param dataDir - the data folder.
 * @param migrationsDir - the migrations applied after start, or `undefined` when none are.
 * @returns what to load and, without a migrated snapshot, the name to cache the migrated state as.
 * @throws never: an unreadable folder or cache means a plain start.
 */
export async function dataDirStart(dataDir: string, migrationsDir: string | undefined): Promise<DataDirStart> {
  const fresh = await readdir(dataDir).then((names) => names.length === 0, () => true);
  if (!fresh) return {};
  const key = migrationsDir === undefined ? undefined : await migrationsKey(migrationsDir).then((k) => `migrated-${k}`, () => undefined);
  const migrated = key === undefined ? undefined : await readCachedSnapshot(key);
  if (migrated !== undefined) return { snapshot: migrated };
  const base = await readCachedSnapshot('base');
  return { ...(base !== undefined ? { snapshot: base } : {}), ...(key !== undefined ? { cacheAs: key } : {}) };
}
