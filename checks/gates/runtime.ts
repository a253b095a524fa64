import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rel, runProcess, toolBin, type CheckError, type GateContext, type GateResult } from '../report.js';

/** How long the service may take to listen (PGlite's first start runs initdb in WebAssembly). */
const BOOT_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;
const LISTENING = /listening on http:\/\/[^\s:]+:(\d+)/;

interface HttpyacJson {
  requests?: Array<{
    fileName: string;
    name?: string;
    line?: number;
    response?: { statusCode?: number; statusMessage?: string };
    summary?: { failedTests?: number; erroredTests?: number };
    testResults?: Array<{ message?: string; status?: string }>;
  }>;
}

/** A booted service: its port, its output so far, and how to stop it. */
interface Booted {
  port: number;
  output: () => string;
  stop: () => Promise<number | null>;
}

/**
 * Starts the service (`src/main.ts` through tsx's loader) on a free port with a fresh embedded database and
 * waits for its `listening on` log line. With `REDIS_URL` set, its rate-limit keys get a prefix of
 * this run alone (`REDIS_KEY_PREFIX`), so the requests never meet counters of another instance.
 *
 * @param service - the service folder.
 * @param dataDir - where the embedded database lives for this run.
 * @returns the booted service.
 * @throws {Error} with the service's last output when it exits or stays silent before listening.
 */
async function boot(service: string, dataDir: string): Promise<Booted> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  // A shared rate-limit store (REDIS_URL) stays in use, but under keys of this run only: counters
  // that other instances or earlier checks left (e.g. the strict auth limiter's) would answer 429.
  if (env.REDIS_URL) env.REDIS_KEY_PREFIX = `check-${process.pid}-${Date.now()}:`;
  // One process (node with tsx's loader), so SIGTERM reaches the service's own shutdown handler.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: service, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "listening on" line within ${BOOT_TIMEOUT_MS / 1000} s`)), BOOT_TIMEOUT_MS);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = LISTENING.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with code ${code} before listening`));
    });
  }).catch(async (err: Error) => {
    if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGKILL');
    await exited;
    throw new Error(`${err.message}; last output: ${out.trim().split('\n').slice(-5).join(' | ')}`);
  });
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), STOP_TIMEOUT_MS);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return { port, output: () => out, stop };
}

/**
 * Copies each `.http` file into `dir` with its `@baseUrl` pointed at the booted service.
 *
 * @param files - the request files, absolute.
 * @param dir - the scratch folder.
 * @param port - the service's port.
 * @returns copy path → original path.
 */
function rebase(files: string[], dir: string, port: number): Map<string, string> {
  const map = new Map<string, string>();
  for (const file of files) {
    const copy = join(dir, file.split('/').at(-1) as string);
    const text = readFileSync(file, 'utf8').replace(/^@baseUrl\s*=.*$/m, `@baseUrl = http://127.0.0.1:${port}`);
    writeFileSync(copy, text);
    map.set(copy, file);
  }
  return map;
}

/**
 * Reads the service's JSON log lines at error level or above (a request that crashed a handler).
 *
 * @param output - the service's output.
 * @returns their messages.
 */
function errorLogLines(output: string): string[] {
  const found: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 50) found.push(entry.msg ?? line);
    } catch {
      // not a JSON log line
    }
  }
  return found;
}

/**
 * The runtime gate (R4): boots the service on a fresh embedded database, sends every request of
 * `__http__/*.http` with httpyac, expects each to answer below 400 — or the status it asserts
 * itself with `?? status == <code>` (a refusal the file demonstrates, e.g. the 403 of a route that
 * needs a role) — and every `??` assertion in the files to pass, checks the logs hold no error
 * line, then stops the service and expects a clean exit.
 *
 * @param ctx - the gate context.
 * @returns the requests that failed, each at its file and line (rule R4).
 */
export async function runtimeGate(ctx: GateContext): Promise<GateResult> {
  const httpDir = join(ctx.service, '__http__');
  const files = existsSync(httpDir) ? readdirSync(httpDir).filter((n) => n.endsWith('.http')).sort().map((n) => join(httpDir, n)) : [];
  const err = (file: string, line: number, message: string): CheckError => ({ rule: 'R4', file: file ? rel(ctx, file) : '', line, message });
  if (files.length === 0) return { gate: 'runtime', errors: [err(httpDir, 0, 'no .http requests to run: add one per route under __http__/')] };
  const scratch = mkdtempSync(join(tmpdir(), 'scaffold-runtime-'));
  const errors: CheckError[] = [];
  try {
    let booted: Booted;
    try {
      booted = await boot(ctx.service, join(scratch, 'pglite'));
    } catch (e) {
      return { gate: 'runtime', errors: [err(join(ctx.service, 'src/main.ts'), 0, `the service did not start: ${(e as Error).message}`)] };
    }
    try {
      const copies = rebase(files, scratch, booted.port);
      const out = await runProcess(toolBin('httpyac'), ['send', ...copies.keys(), '--all', '--json'], scratch, {}, join(scratch, 'httpyac-report.json'));
      let report: HttpyacJson = {};
      try {
        report = JSON.parse(out.stdout) as HttpyacJson;
      } catch {
        const printed = out.stdout.trim();
        errors.push(err('', 0, `httpyac printed no report (exit code ${out.code}, ${printed.length} characters, ending "${printed.slice(-200)}"): ${out.stderr.trim().slice(0, 300)}`));
      }
      // A request another file ran first through `@import` + `@ref` (auth.http's `login`, when a
      // protected module's file sorts before it) is reported again without a response: it was sent once.
      const answered = new Set((report.requests ?? []).filter((r) => r.response?.statusCode !== undefined).map((r) => `${r.fileName}#${r.name}`));
      for (const r of report.requests ?? []) {
        if (r.response?.statusCode === undefined && answered.has(`${r.fileName}#${r.name}`)) continue;
        const file = copies.get(r.fileName) ?? r.fileName;
        const line = (r.line ?? -1) + 1;
        const status = r.response?.statusCode;
        // A request that asserts its own status (`?? status == 403`: a refusal it demonstrates) is judged by that assertion.
        const expected = (r.testResults ?? []).some((t) => t.status === 'SUCCESS' && t.message === `status == ${status}`);
        if (status === undefined) errors.push(err(file, line, `request "${r.name}" got no response`));
        else if (status >= 400 && !expected) errors.push(err(file, line, `request "${r.name}" answered ${status} ${r.response?.statusMessage ?? ''}`.trim()));
        if ((r.summary?.failedTests ?? 0) + (r.summary?.erroredTests ?? 0) > 0) {
          const failed = (r.testResults ?? []).filter((t) => t.status !== 'SUCCESS').map((t) => t.message).join('; ');
          errors.push(err(file, line, `request "${r.name}" failed its assertions: ${failed}`));
        }
      }
      const sent = report.requests?.length ?? 0;
      if (report.requests && sent === 0) errors.push(err(httpDir, 0, 'httpyac found no request to send'));
    } finally {
      const code = await booted.stop();
      for (const msg of errorLogLines(booted.output())) errors.push(err(join(ctx.service, 'src/main.ts'), 0, `the service logged an error: ${msg}`));
      if (code !== 0) errors.push(err(join(ctx.service, 'src/main.ts'), 0, `the service did not stop cleanly on SIGTERM (exit code ${code})`));
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { gate: 'runtime', errors };
}
