import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type Transaction,
} from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { SchemaEngine, SchemaContainer } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { dbFunctionLogger, describeDatabaseUrl, type Logger } from './db-logging.js';
import { DatabaseUnavailableError } from './postgres-admin.js';

export type { SchemaEngine };

/** An engine bound to one database, and how to release it. */
export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** The last error PostgreSQL raised while running a migration script (the engine reports a mapped one). */
  lastScriptError(): Error | undefined;
  /** Frees the engine, then ends its single connection. Idempotent. */
  close(): Promise<void>;
}

/**
 * Column types `@prisma/adapter-pg` 7.10.1 can read (pg builtins + arrays it maps). The engine's
 * catalog queries also return `"char"` (18), `void` (2278, from `pg_advisory_lock`), `regclass`…
 * which the adapter refuses ("Column type 'char' could not be deserialized"); pg hands those back
 * as strings, so they are relabelled as text (25) or text[] (1009).
 */
const ADAPTER_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184,
  1266, 1560, 1562, 1700, 2950, 3802, 143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015,
  1016, 1021, 1022, 1028, 1041, 1115, 1182, 1183, 1185, 1231, 1561, 1563, 2951, 3807,
]);
const FIRST_USER_OID = 16384;

type PgResult = { fields: Array<{ dataTypeID: number }>; rows: unknown[][] };
type PerformIO = (this: unknown, query: unknown) => Promise<PgResult>;

/** Relabels system column types the adapter cannot read (works on the adapter or a transaction). */
function fixSystemOids<T extends object>(queryable: T): T {
  const target = queryable as T & { performIO?: PerformIO };
  const original = target.performIO;
  if (typeof original !== 'function') {
    throw new Error('@prisma/adapter-pg internals changed (performIO missing): re-check schema-engine.ts');
  }
  target.performIO = async function performIO(query: unknown): Promise<PgResult> {
    const result = await original.call(this, query);
    result.fields.forEach((field, i) => {
      if (field.dataTypeID >= FIRST_USER_OID || ADAPTER_OIDS.has(field.dataTypeID)) return;
      field.dataTypeID = result.rows.some((row) => Array.isArray(row[i])) ? 1009 : 25;
    });
    return result;
  };
  return queryable;
}

let wasmReady: Promise<typeof glue> | undefined;

/** The part of the WebAssembly global used here (typed locally: `lib` has no DOM/WebAssembly types). */
const WebAssemblyApi = (
  globalThis as unknown as {
    WebAssembly: {
      instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
    };
  }
).WebAssembly;

/**
 * Loads `@prisma/schema-engine-wasm` once per process. Its entry file imports the `.wasm` as an ES
 * module, which Node 20 cannot do, so the bytes are instantiated here; its `setTimeout` import is
 * replaced by an unref'd timer (the engine arms a 10 s timer that would keep the process alive).
 *
 * @returns the engine's bindings, initialised.
 * @throws when the package or its `.wasm` file is missing.
 */
export function loadSchemaEngineWasm(): Promise<typeof glue> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const imports: Record<string, unknown> = { ...glue };
    for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      imports[name] = (fn: () => void, ms: number) => setTimeout(fn, ms >>> 0).unref();
    }
    const { instance } = await WebAssemblyApi.instantiate(bytes, { './schema_engine_bg.js': imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  wasmReady.catch(() => (wasmReady = undefined));
  return wasmReady;
}

/**
 * Builds the migration-aware adapter factory the wasm engine needs, around `@prisma/adapter-pg`
 * with one pooled connection (the engine's session advisory lock must stay on one connection), and
 * with the adapter's bugs worked around: system column types relabelled, and `executeScript` sending
 * the whole script as ONE simple query (the adapter splits on every `;`, breaking `'a;b'` literals
 * and `$$` bodies). PostgreSQL runs a multi-statement simple query as one implicit transaction, as
 * the native engine does. The shadow database is refused: nothing here needs one.
 *
 * @param pool - a pg pool with `max: 1`, owned by the caller.
 * @param onScriptError - receives PostgreSQL's original error when a script fails.
 * @returns the factory for `SchemaEngine.new`.
 * @throws never itself; `connect()` throws if adapter-pg's internals changed.
 */
export function createMigrationAdapterFactory(
  pool: pg.Pool,
  onScriptError: (err: Error) => void,
): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool);
  return {
    provider: 'postgres',
    adapterName: base.adapterName,
    connect: async (): Promise<SqlDriverAdapter> => {
      const adapter = fixSystemOids(await base.connect());
      const onError = (adapter as unknown as { onError(err: unknown): never }).onError.bind(adapter);
      adapter.executeScript = async (script: string): Promise<void> => {
        try {
          await pool.query(script);
        } catch (err) {
          onScriptError(err as Error);
          onError(err);
        }
      };
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel): Promise<Transaction> =>
        fixSystemOids(await startTransaction(isolationLevel));
      return adapter;
    },
    connectToShadowDb: () => Promise.reject(new Error('the in-process schema engine has no shadow database')),
  };
}

/**
 * Opens a wasm schema engine on one database. The engine connects eagerly and crashes the process on
 * connection errors, so the connection is tried with `pg` first.
 *
 * @param opts - the database URL, the Prisma schema files (or none), and the logger.
 * @returns the engine and its close function.
 * @throws {DatabaseUnavailableError} when the database cannot be reached.
 * @throws when the wasm cannot be loaded or the engine refuses the schema files.
 */
export async function openSchemaEngine(opts: {
  url: string;
  datamodels?: SchemaContainer[];
  log: Logger;
}): Promise<OpenSchemaEngine> {
  const log = dbFunctionLogger(opts.log, 'openSchemaEngine');
  log.debug({ target: describeDatabaseUrl(opts.url), files: opts.datamodels?.length ?? 0 }, 'called');
  const started = performance.now();
  const pool = new pg.Pool({ connectionString: opts.url, max: 1, idleTimeoutMillis: 0 });
  pool.on('error', (err) => log.warn({ err }, 'idle connection error'));
  let scriptError: Error | undefined;
  const factory = createMigrationAdapterFactory(pool, (err) => (scriptError = err));
  const engineLog = (line: string): void => {
    const level = /"level":"(ERROR|WARN)"/.exec(line)?.[1];
    if (level === 'ERROR') log.error({ engine: line.trim() }, 'schema engine log');
    else if (level === 'WARN') log.warn({ engine: line.trim() }, 'schema engine log');
    else log.trace({ engine: line.trim() }, 'schema engine log');
  };
  let engine: SchemaEngine;
  try {
    // The engine connects eagerly and a connection error escapes as an uncaught exception that
    // kills the process (e.g. "Database `x` does not exist"): prove the connection works first.
    await pool.query('SELECT 1').catch((err: unknown) => {
      throw new DatabaseUnavailableError(describeDatabaseUrl(opts.url), err);
    });
    const wasm = await loadSchemaEngineWasm();
    const datamodels = opts.datamodels?.map((file): [string, string] => [file.path, file.content]);
    engine = await wasm.SchemaEngine.new({ datamodels }, engineLog, bindMigrationAwareSqlAdapterFactory(factory));
  } catch (err) {
    log.error({ err }, 'schema engine failed to start');
    await pool.end();
    throw err;
  }
  log.debug({ initMs: Math.round(performance.now() - started) }, 'schema engine ready');
  let closing: Promise<void> | undefined;
  return {
    engine,
    lastScriptError: () => scriptError,
    close: () => {
      closing ??= (async () => {
        engine.free();
        await pool.end();
      })();
      return closing;
    },
  };
}
