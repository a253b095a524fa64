// The suite-wide "no password or hash in a log line or a response body" check (docs/reliability.md,
// Authentication). `no-secret-leaks.ts`, a vitest setup file, runs before every test file: it tees
// every pino logger the file creates to a sink at trace level (whatever level the logger was given,
// `silent` included), records every password and secret that goes through the argon2 package and
// every hash it returns, and keeps every response body any Express app of the process sends. After
// the file's tests, {@link findLeaks} must find nothing. This module holds the parts that import
// no package, so the setup file's module mocks can load it.

/** What one test file's run has seen. */
export interface LeakWatch {
  /** Every serialised log line, from every logger, at every level. */
  lines: string[];
  /** Every response body sent by an Express app of this process. */
  bodies: string[];
  /** Every password or secret value given to argon2, and every hash it returned. */
  secrets: Set<string>;
}

const KEY = Symbol.for('scaffold.leakWatch');
/**
 * Values shorter than this, or with fewer distinct characters than {@link MIN_DISTINCT}, are not
 * searched for: a short or repetitive test value (a property test's `xxxxxxxxxxxx`) would match
 * unrelated text such as another field's `xxxx…x`.
 */
export const MIN_SECRET_LENGTH = 8;
export const MIN_DISTINCT = 4;
/** Any argon2 hash in PHC form (`$argon2id$v=19$…`), whoever made it. */
const ARGON2_HASH = /\$argon2(id|i|d)\$/;

/**
 * The watch of the test file now running (a fresh one per file, set by the setup file).
 *
 * @returns the watch.
 */
export function currentWatch(): LeakWatch {
  const global = globalThis as { [KEY]?: LeakWatch };
  global[KEY] ??= { lines: [], bodies: [], secrets: new Set() };
  return global[KEY];
}

/** Starts a new watch for the next test file. */
export function resetWatch(): void {
  (globalThis as { [KEY]?: LeakWatch })[KEY] = { lines: [], bodies: [], secrets: new Set() };
}

/**
 * Records a value argon2 was given or returned.
 *
 * @param value - a password, a secret field's value or a hash.
 */
export function rememberSecret(value: unknown): void {
  if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH && new Set(value).size >= MIN_DISTINCT) currentWatch().secrets.add(value);
}

/**
 * @pure
 * @param watch - what a test file's run has seen.
 * @returns one message per log line or response body that holds a recorded password, secret or
 *   hash, or any argon2 hash; empty when there is none.
 */
export function findLeaks(watch: LeakWatch): string[] {
  const leaks: string[] = [];
  const inspect = (where: string, texts: string[]): void => {
    texts.forEach((text, i) => {
      const found = ARGON2_HASH.test(text) ? 'an argon2 hash' : [...watch.secrets].some((s) => text.includes(s)) ? 'a password, secret or hash given to argon2' : undefined;
      if (found) leaks.push(`${where} #${i + 1} holds ${found}: ${text.slice(0, 200)}`);
    });
  };
  inspect('log line', watch.lines);
  inspect('response body', watch.bodies);
  return leaks;
}

/** The parts of pino's module the tee replaces or uses. */
export interface PinoModule {
  pino: ((...args: unknown[]) => unknown) & { destination: (fd: number) => unknown };
  multistream: (streams: { level: string; stream: unknown }[]) => unknown;
  default?: unknown;
  [name: string]: unknown;
}

/**
 * pino's module with `pino()` replaced: every logger writes at trace level to the watch, and to
 * its own destination at its own level (nothing there for `silent`), so what a test observes is
 * unchanged. A logger with a `transport` (pretty output) is left alone.
 *
 * @param real - the real module (`importOriginal()` of a `vi.mock` factory).
 * @returns the module to use instead.
 */
export function teePino(real: PinoModule): PinoModule {
  const sink = { write: (line: string) => void currentWatch().lines.push(line) };
  const tee = (...args: unknown[]): unknown => {
    const [first, second] = args as [Record<string, unknown> | { write?: unknown } | undefined, unknown];
    const isStream = typeof (first as { write?: unknown } | undefined)?.write === 'function';
    const options = (isStream ? {} : (first ?? {})) as Record<string, unknown>;
    if (options.transport !== undefined) return real.pino(...args);
    const destination = isStream ? first : second;
    const level = typeof options.level === 'string' ? options.level : 'info';
    const streams: { level: string; stream: unknown }[] = [{ level: 'trace', stream: sink }];
    if (level !== 'silent') streams.push({ level, stream: destination ?? real.pino.destination(1) });
    return real.pino({ ...options, level: 'trace' }, real.multistream(streams));
  };
  const pino = Object.assign(tee, real.pino);
  return { ...real, pino, default: pino };
}

/** The parts of the argon2 package the recorder wraps. */
export interface Argon2Module {
  hash: (password: string, options?: object) => Promise<string>;
  verify: (hash: string, password: string) => Promise<boolean>;
  default?: Argon2Module;
  [name: string]: unknown;
}

/**
 * The argon2 package with `hash` and `verify` recording every password they are given and every
 * hash they return (then doing exactly what the real ones do).
 *
 * @param real - the real module.
 * @returns the module to use instead.
 */
export function recordArgon2(real: Argon2Module): Argon2Module {
  const lib = real.default ?? real;
  const wrapped: Argon2Module = {
    ...lib,
    hash: async (password, options) => {
      rememberSecret(password);
      const hash = await lib.hash(password, options);
      rememberSecret(hash);
      return hash;
    },
    verify: async (hash, password) => {
      rememberSecret(password);
      return lib.verify(hash, password);
    },
  };
  return { ...real, ...wrapped, default: wrapped };
}

const PATCHED = Symbol.for('scaffold.leakWatch.responses');

/**
 * Keeps every response body Express sends in this process (its `res.send`, which `res.json` uses
 * too), once per process.
 *
 * @param response - `express.response`, the prototype of every app's responses.
 */
export function recordResponses(response: { send: (body?: unknown) => unknown }): void {
  const target = response as { send: (body?: unknown) => unknown; [PATCHED]?: true };
  if (target[PATCHED]) return;
  const send = target.send;
  target.send = function (this: unknown, body?: unknown) {
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : body === undefined ? '' : JSON.stringify(body);
    currentWatch().bodies.push(text);
    return send.call(this, body);
  };
  target[PATCHED] = true;
}
