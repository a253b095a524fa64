import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** True with `BENCH_QUICK=1`: one short run per arm, for developing the benchmarks. */
export const QUICK = process.env.BENCH_QUICK === '1';
/** Rounds per interleaved comparison (≥ 5 in a real run). */
export const RUNS = QUICK ? 1 : Number(process.env.BENCH_RUNS ?? 5);

/**
 * Path of a CLI installed at the root.
 *
 * @param name - e.g. `tsc`.
 * @returns `<root>/node_modules/.bin/<name>`.
 */
export function bin(name: string): string {
  return join(ROOT, 'node_modules', '.bin', name);
}

/**
 * What the service needs to boot with `NODE_ENV=production` (every benchmark starts it that way):
 * the auth module refuses to start without `AUTH_JWT_SECRET` (≥ 32 random bytes, base64). One
 * random key per bench run, never written anywhere; the service's own check stays as it is.
 * `src/config.ts` requires nothing else in production.
 */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = {
  AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
};

/**
 * Environment of a started service or server ({@link start}, {@link timeToFirst200}): the child
 * environment plus {@link PRODUCTION_ENV}, so it boots under `NODE_ENV=production`.
 *
 * @param extra - variables to add (they win over {@link PRODUCTION_ENV}); `undefined` removes one.
 * @returns the environment.
 */
export function serviceEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return childEnv({ ...PRODUCTION_ENV, ...extra });
}

/**
 * Environment of every child: no colours, no prompts, no update checks.
 *
 * @param extra - variables to add; an `undefined` value removes the variable.
 * @returns the environment.
 */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: '1', npm_config_update_notifier: 'false', ...extra };
  return Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined));
}

/**
 * Runs a command to completion (stdin closed) and returns its wall time.
 *
 * @param command - executable.
 * @param args - arguments.
 * @param opts - working folder, extra environment, time limit (default 5 min).
 * @returns wall time in ms.
 * @throws Error with the command's output when it exits non-zero or times out.
 */
export function timeCommand(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): number {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: opts.cwd ?? ROOT,
    env: childEnv(opts.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`.slice(0, 6000));
  }
  return ms;
}

/**
 * A free TCP port on 127.0.0.1 (bound then released).
 *
 * @returns the port number.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Polls a URL until it answers 200, at most `timeoutMs` (bounded loop, 25 ms apart).
 *
 * @param url - e.g. `http://127.0.0.1:4000/readyz`.
 * @param timeoutMs - give up after this long.
 * @param child - when given, fail fast if it exits.
 * @returns when the URL answered 200.
 * @throws Error on timeout or when `child` exits first.
 */
export async function waitFor200(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited (${child.exitCode}) before ${url} answered 200`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/** How much of a started child's output is kept for error messages (characters per stream). */
const TAIL_CHARS = 4000;

/** A started child process with its captured output tails (for error messages). */
export interface Started {
  child: ChildProcess;
  /** The last {@link TAIL_CHARS} characters of its stderr. */
  stderr: () => string;
  /**
   * Its last output, for an error message: the stderr tail and, when started with
   * `captureStdout`, the stdout tail (where the service's pino logs, its fatal start-up error
   * included), each labelled; `(none)` when it wrote nothing.
   */
  output: () => string;
}

/**
 * Starts a long-running process in its own process group so {@link stop} can end it with its
 * children (npm → sh → tsx → node), with {@link serviceEnv}. stderr is kept for diagnostics;
 * stdout is discarded (`/dev/null`, as the HTTP benchmarks measure logging to it) unless
 * `captureStdout` is set: then it is read and its tail kept too (boot measurements, which log little).
 *
 * @param command - executable.
 * @param args - arguments.
 * @param opts - working folder, extra environment, whether to keep the stdout tail.
 * @returns the child and readers of its output.
 */
export function start(
  command: string,
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined>; captureStdout?: boolean } = {},
): Started {
  const child = spawn(command, args, {
    cwd: opts.cwd ?? ROOT,
    env: serviceEnv(opts.env),
    stdio: ['ignore', opts.captureStdout ? 'pipe' : 'ignore', 'pipe'],
    detached: true,
  });
  let err = '';
  let out = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-TAIL_CHARS);
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    out = (out + chunk.toString()).slice(-TAIL_CHARS);
  });
  const output = (): string => {
    const parts = [`--- last stderr of ${command} ${args.join(' ')} ---\n${err.trimEnd() || '(none)'}`];
    if (opts.captureStdout) parts.push(`--- last stdout ---\n${out.trimEnd() || '(none)'}`);
    return parts.join('\n');
  };
  return { child, stderr: () => err, output };
}

/**
 * Stops a process started by {@link start} and its group: SIGTERM, then SIGKILL after 5 s.
 *
 * @param started - the process.
 * @returns when it has exited.
 */
export async function stop(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const pid = child.pid;
  const kill = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  kill('SIGKILL'); // leftovers of the group, if any
}

/**
 * Time from spawning a command to `url` answering 200, then stops it.
 *
 * @param command - executable.
 * @param args - arguments.
 * @param url - URL to poll.
 * @param opts - working folder, environment, time limit (default 90 s).
 * @returns ms to first 200.
 * @throws Error with the process's last stderr and stdout when it never answers.
 */
export async function timeToFirst200(
  command: string,
  args: string[],
  url: string,
  opts: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {},
): Promise<number> {
  const started = performance.now();
  const proc = start(command, args, { ...opts, captureStdout: true });
  try {
    await waitFor200(url, opts.timeoutMs ?? 90_000, proc.child);
    return performance.now() - started;
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${proc.output()}`);
  } finally {
    await stop(proc);
  }
}
