import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { STATUS_CODES } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import net, { type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { createApp, type AppDeps } from '../../src/app.js';
import { composeInMemoryServices } from '../../src/composition-root.js';
import { createRootLogger } from '../../src/logger.js';

/** The Content-Type of every error answer: RFC 9457 problem details (§3), with the charset Express adds. */
export const PROBLEM_TYPE = /^application\/problem\+json(; charset=utf-8)?$/;

/**
 * Our one error format as a matcher: RFC 9457 problem details with `type` `about:blank`, `title`
 * the status phrase (§4.2.1), `status`, `detail`, and the extension members `code`, `requestId`
 * and, on a 400 `REQUEST.INVALID` only, `errors` (`{ path, message }` each); nothing else.
 *
 * @param status - the HTTP status, e.g. 404.
 * @param code - the stable code, e.g. `ROUTE.NOT_FOUND`.
 * @returns a value for `expect(res.body).toEqual(...)`.
 */
export function problemShape(status: number, code: string): Record<string, unknown> {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status],
    status,
    detail: expect.any(String),
    code,
    requestId: expect.any(String),
    ...(code === 'REQUEST.INVALID' ? { errors: expect.arrayContaining([{ path: expect.any(String), message: expect.any(String) }]) } : {}),
  };
}

/** One parsed pino line. */
export interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  req?: { id?: string };
  res?: { statusCode?: number };
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

/**
 * A pino destination that keeps parsed JSON lines (pino test/helper.js style).
 *
 * @returns the stream and the lines it collected.
 */
export function logSink(): { stream: Writable; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as LogLine);
      done();
    },
  });
  return { stream, lines };
}

/**
 * An app over the in-memory repositories whose logs go to a sink.
 *
 * @param overrides - app dependencies to replace.
 * @returns the app, its services and the collected log lines.
 */
export function appWithSink(overrides: Partial<AppDeps> = {}) {
  const { stream, lines } = logSink();
  const log = createRootLogger({ level: 'debug', pretty: false, destination: stream });
  const services = composeInMemoryServices(log);
  const app = createApp({ services, log, checkReady: async () => {}, ...overrides });
  return { app, services, lines, log };
}

/** A loopback TCP proxy whose behaviour a test switches mid-flight. */
export interface FaultProxy {
  port: number;
  /** `pass`: forward; `refuse`: accept and drop at once; `blackhole`: accept, never answer, drop nothing. */
  mode: 'pass' | 'refuse' | 'blackhole';
  /** Destroys every open connection (the database "dies" mid-query). */
  cut(): void;
  close(): Promise<void>;
}

/**
 * Starts a TCP proxy on 127.0.0.1 in front of `targetPort`.
 *
 * @param targetPort - the port of the database (or any server) on 127.0.0.1.
 * @returns the proxy.
 */
export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  };
  const proxy: FaultProxy = {
    port: 0,
    mode: 'pass',
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () => new Promise((resolve) => {
      proxy.cut();
      server.close(() => resolve());
    }),
  };
  const server = net.createServer((client) => {
    track(client);
    if (proxy.mode === 'refuse') return void client.destroy();
    if (proxy.mode === 'blackhole') return;
    const upstream = net.connect({ host: '127.0.0.1', port: targetPort });
    track(upstream);
    const forward = (from: Socket, to: Socket) => from.on('data', (data) => {
      if (proxy.mode === 'pass') to.write(data);
    });
    forward(client, upstream);
    forward(upstream, client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  return proxy;
}

/** The example service's folder. */
export const SERVICE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** A spawned service process. */
export interface SpawnedService {
  child: ChildProcess;
  /** Parsed JSON log lines of stdout so far. */
  lines: LogLine[];
  stderr: () => string;
  stdout: () => string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  /** Resolves with the port once the service logs that it listens. */
  port: Promise<number>;
  cleanup(): void;
}

/** How a spawned service runs: `tsx src/main.ts` (the dev loop) or the esbuild bundle `npm start` runs. */
export type Runtime = 'tsx' | 'built';
/** Both runtimes, for `describe.each`. */
export const RUNTIMES: readonly Runtime[] = ['tsx', 'built'];

let builds = 0;

/**
 * Builds a private bundle of the service with its own build script (`scripts/build.mjs`, what
 * `npm run build` runs after `prisma generate`) into `dist/.test-<pid>-<n>/`, so test files running
 * in parallel never share or overwrite one.
 *
 * @returns the bundle's entry (relative to the service folder) and a cleanup function.
 * @throws {Error} with the build's output when it fails.
 */
export function buildPrivateBundle(): { entry: string; remove(): void } {
  const outdir = `dist/.test-${process.pid}-${builds++}`;
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--outdir', outdir], { cwd: SERVICE_DIR, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return { entry: `${outdir}/main.js`, remove: () => rmSync(join(SERVICE_DIR, outdir), { recursive: true, force: true }) };
}

/** Options of {@link spawnService}. */
export interface SpawnOptions {
  /** `tsx` (default): `node --import tsx src/main.ts`; `built`: `node <bundle>` (give `entry`). */
  runtime?: Runtime;
  /** Runtime `built`: the bundle from {@link buildPrivateBundle}; runtime `tsx`: a TypeScript entry relative to the service folder (default `src/main.ts`, or a test fixture that starts it). */
  entry?: string;
  /** A module preloaded with `--import` before the entry (a test fixture), relative to the service folder. */
  preload?: string;
}

/**
 * Spawns the service on a free port with JSON logs — from source under tsx, or its built bundle —
 * the embedded database living in a temporary folder unless DATABASE_URL is set.
 *
 * @param env - extra environment variables (`undefined` removes a default such as `HOST`).
 * @param opts - runtime, built entry and preload; see {@link SpawnOptions}.
 * @returns the process handle.
 * @throws {Error} when the runtime is `built` and no entry is given.
 */
export function spawnService(env: Record<string, string | undefined> = {}, opts: SpawnOptions = {}): SpawnedService {
  if (opts.runtime === 'built' && opts.entry === undefined) throw new Error('spawnService: a built runtime needs the entry of buildPrivateBundle()');
  const preload = opts.preload === undefined ? [] : ['--import', pathToFileURL(join(SERVICE_DIR, opts.preload)).href];
  const args = opts.runtime === 'built' ? [...preload, opts.entry as string] : ['--import', 'tsx', ...preload, opts.entry ?? 'src/main.ts'];
  const dataDir = mkdtempSync(join(tmpdir(), 'reliability-'));
  const child = spawn(process.execPath, args, {
    cwd: SERVICE_DIR,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', RATE_LIMIT_MAX: '0', ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const lines: LogLine[] = [];
  let resolvePort: (port: number) => void = () => undefined;
  let rejectPort: (e: Error) => void = () => undefined;
  const port = new Promise<number>((resolve, reject) => {
    resolvePort = resolve;
    rejectPort = reject;
  });
  port.catch(() => undefined);
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    partial += chunk.toString();
    const parts = partial.split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts.filter(Boolean)) {
      try {
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        if (typeof line.port === 'number' && line.msg.includes('listening on http')) resolvePort(line.port);
      } catch {
        // not JSON: kept in stdout()
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      rejectPort(new Error(`exited before listening: ${code ?? signal}\n${err}`));
      resolve(code ?? signal ?? -1);
    });
  });
  return {
    child, lines, exited, port,
    stderr: () => err,
    stdout: () => out,
    cleanup: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Sends raw bytes on a new loopback socket and collects what comes back until the server closes.
 *
 * @param port - the server's port.
 * @returns the socket, the bytes so far and a promise of its close.
 */
export async function rawSocket(port: number): Promise<{ socket: Socket; data: () => string; closed: Promise<void> }> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let data = '';
  socket.on('data', (chunk: Buffer) => (data += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, data: () => data, closed };
}

/**
 * Waits until `check` is true, polling every 10 ms.
 *
 * @param check - the condition.
 * @param timeoutMs - give up after this long.
 * @throws {Error} when the condition is still false after `timeoutMs`.
 */
export async function waitFor(check: () => boolean, timeoutMs: number, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
