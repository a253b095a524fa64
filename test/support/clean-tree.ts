import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from './workspace.js';

/**
 * The repository's files as a clone would have them: every file git tracks or would track (not
 * ignored), read from the work tree, so uncommitted edits are included but no install, build output,
 * generated client or database data is.
 *
 * @param root - a folder inside a git work tree (default: the repository root).
 * @returns paths relative to `root`.
 * @throws {Error} when `root` is not inside a git work tree.
 */
export function cloneFiles(root = REPO_ROOT): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (git.status !== 0) throw new Error(`git ls-files failed in ${root}: ${git.stderr}`);
  return git.stdout.split('\0').filter((f) => f !== '' && existsSync(join(root, f)));
}

/**
 * Copies the given files (relative paths) from one folder to another, creating folders.
 *
 * @param files - relative paths.
 * @param from - source folder.
 * @param to - target folder (created).
 */
export function copyFiles(files: readonly string[], from: string, to: string): void {
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(from, file), join(to, file), { recursive: true, verbatimSymlinks: true });
  }
}

/**
 * The environment of a fresh shell: this process's, without npm's and vitest's own variables (a
 * test started by `npm test` must not hand `npm_config_*` or `NODE_OPTIONS` to the commands it runs).
 *
 * @param extra - variables to add; `undefined` removes one.
 * @returns the environment.
 */
export function freshEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VITEST|NODE_OPTIONS$|NODE_ENV$|DATABASE_URL$|TEST$)/i.test(key)) continue;
    env[key] = value;
  }
  // npm run puts every node_modules/.bin above the command on PATH: a clean folder must not see them.
  env.PATH = (env.PATH ?? '').split(':').filter((dir) => !dir.includes('node_modules')).join(':');
  Object.assign(env, { FORCE_COLOR: '0', NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/**
 * Runs a shell command line to completion with no standard input.
 *
 * @param line - the command line (`sh -c`).
 * @param cwd - working folder.
 * @param env - the environment (see {@link freshEnv}).
 * @returns its combined output.
 * @throws {Error} with the output's tail when it exits non-zero or runs over 15 minutes.
 */
export function shell(line: string, cwd: string, env: NodeJS.ProcessEnv = freshEnv()): string {
  const result = spawnSync('sh', ['-c', line], { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`\`${line}\` in ${cwd} failed (${result.status ?? result.signal}):\n${output.slice(-4000)}`);
  return output;
}

/** A started server process. */
export interface Started {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  /** SIGKILL if still running. */
  kill(): void;
}

/**
 * Starts a command (exec form: no shell in between, as a container's `CMD [...]`).
 *
 * @param argv - executable and arguments.
 * @param cwd - working folder.
 * @param env - the environment.
 * @returns the process handle.
 */
export function startProcess(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Started {
  const [command, ...args] = argv as [string, ...string[]];
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    output: () => out,
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/**
 * Waits for the service's `listening on http://<host>:<port>` JSON log line (start it with `PORT=0`).
 *
 * @param started - the server process.
 * @param timeoutMs - give up after this long (default 120 s: PGlite's first start is slow on a busy machine).
 * @returns the port and host really bound.
 * @throws {Error} with the process output when the line never comes or the process exits first.
 */
export async function listeningPort(started: Started, timeoutMs = 120_000): Promise<{ port: number; host: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of started.output().split('\n')) {
      if (!line.includes('listening on http')) continue;
      const parsed = JSON.parse(line) as { port: number; host: string };
      return { port: parsed.port, host: parsed.host };
    }
    if (started.child.exitCode !== null) throw new Error(`exited (${started.child.exitCode}) before listening:\n${started.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no "listening on" line within ${timeoutMs} ms:\n${started.output().slice(-4000)}`);
}

/**
 * Polls `url` until it answers `status`, failing early when the process exits.
 *
 * @param url - e.g. `http://127.0.0.1:4000/readyz`.
 * @param started - the server process.
 * @param timeoutMs - give up after this long (default 120 s: PGlite's first start is slow on a busy machine).
 * @param status - the awaited status (default 200).
 * @throws {Error} with the process output when it never answers or exits first.
 */
export async function waitForStatus(url: string, started: Started, timeoutMs = 120_000, status = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`exited (${started.child.exitCode}) before ${url} answered:\n${started.output().slice(-4000)}`);
    const got = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (got === status) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms:\n${started.output().slice(-4000)}`);
}

/** The local PostgreSQL server tests may use: DATABASE_URL's server, else 127.0.0.1:5432 (trust). */
const PG_SERVER = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A URL for a scratch database on the local PostgreSQL server (the service creates it on start), or
 * `undefined` when no server answers — except under CI (`CI=true`), where the server is required.
 *
 * @param name - the database name (lower case, unique to the caller).
 * @returns the URL and a drop function, or undefined.
 * @throws {Error} under CI when the server does not answer.
 */
export async function scratchPostgres(name: string): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const admin = async (sql: string): Promise<void> => {
    const client = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 3_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin('SELECT 1');
  } catch (err) {
    if (process.env.CI === 'true') throw new Error(`CI needs PostgreSQL at ${new URL(PG_SERVER).host}: ${(err as Error).message}`);
    return undefined;
  }
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
