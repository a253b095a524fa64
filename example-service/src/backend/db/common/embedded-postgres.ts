import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { startConnectionGate } from './connection-gate.js';
import { lockDataDir } from './data-dir-lock.js';
import { dbFunctionLogger, type Logger } from './db-logging.js';

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /** Folder where the database persists; in memory when undefined. Created when missing. */
  dataDir?: string;
  /** Start from a snapshot taken with {@link EmbeddedPostgres.snapshot}; with `dataDir`, only into a fresh folder. */
  snapshot?: Blob;
  log: Logger;
}

/** A running embedded PostgreSQL (PGlite) reachable over TCP. */
export interface EmbeddedPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres` (no password). */
  url: string;
  /** Copies the whole data directory (uncompressed tarball), once no client holds a connection. */
  snapshot(): Promise<Blob>;
  /** Closes the TCP endpoints, then PGlite (flushing it to `dataDir`). Idempotent. */
  stop(): Promise<void>;
}

/**
 * Starts PGlite (PostgreSQL compiled to WebAssembly, in process) and serves it over TCP on
 * 127.0.0.1 with an OS-assigned port, so `pg` and `@prisma/adapter-pg` work against it unchanged.
 *
 * Connections: PGlite has a single backend session, so exactly ONE client connection talks to it
 * at a time. pglite-socket's own multiplexer (`maxConnections` > 1) interleaves two clients'
 * extended-protocol messages on that session (measured: a client's Bind hits the other client's
 * unnamed statement), and with `maxConnections: 1` a quick reconnect is refused half of the time.
 * So the socket server is kept private with `maxConnections: 1` and a gate in front of it queues
 * extra clients until the current one disconnects (their connect timeout bounds the wait) and resets
 * the session between clients. Give every pool on this URL `max: 1`.
 *
 * @param opts - `dataDir` (persistent) or none (in memory), an optional snapshot, and the logger.
 * @returns the URL and the stop function.
 * @throws {DataDirInUseError} when another live process (or this one) has `dataDir` open.
 * @throws when PGlite cannot open `dataDir` (e.g. corrupt, or a newer PGlite format) or a port
 *   cannot be bound.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = dbFunctionLogger(opts.log, 'startEmbeddedPostgres');
  log.debug({ dataDir: opts.dataDir ?? '(memory)', fromSnapshot: opts.snapshot !== undefined }, 'called');
  const started = performance.now();
  let db: PGlite | undefined;
  let server: PGLiteSocketServer | undefined;
  let unlock: (() => Promise<void>) | undefined;
  try {
    if (opts.dataDir !== undefined) {
      unlock = await lockDataDir(opts.dataDir);
      await mkdir(opts.dataDir, { recursive: true });
    }
    // Loaded here, not at the top: a service on a real PostgreSQL server never pays PGlite's
    // ~170 ms module load at start-up (bench/README.md, boot).
    const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite-socket')]);
    const pglite = await PGlite.create({
      ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
      ...(opts.snapshot !== undefined ? { loadDataDir: opts.snapshot } : {}),
    });
    db = pglite;
    const pgliteMs = Math.round(performance.now() - started);
    const socketServer = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port: 0, maxConnections: 1 });
    server = socketServer;
    await socketServer.start();
    const upstreamPort = Number(socketServer.getServerConn().split(':').pop());
    const gate = await startConnectionGate({
      upstreamPort,
      isUpstreamIdle: () => socketServer.getStats().activeConnections === 0,
      resetSession: async () => {
        if (pglite.isInTransaction()) await pglite.exec('ROLLBACK');
        await pglite.exec('DISCARD ALL');
      },
      log: opts.log,
    });
    const url = `postgresql://postgres@127.0.0.1:${gate.port}/postgres`;
    let stopping: Promise<void> | undefined;
    const handle: EmbeddedPostgres = {
      url,
      snapshot: async () => {
        await gate.whenIdle();
        return pglite.dumpDataDir('none');
      },
      stop: () => {
        stopping ??= (async () => {
          const stopLog = dbFunctionLogger(opts.log, 'stopEmbeddedPostgres');
          stopLog.debug({ port: gate.port }, 'called');
          await gate.close();
          await socketServer.stop();
          await pglite.close();
          await unlock?.();
          stopLog.info({ dataDir: opts.dataDir ?? '(memory)' }, 'embedded PostgreSQL stopped');
        })();
        return stopping;
      },
    };
    log.info(
      { port: gate.port, dataDir: opts.dataDir ?? '(memory)', pgliteMs, totalMs: Math.round(performance.now() - started) },
      'embedded PostgreSQL (PGlite) listening',
    );
    return handle;
  } catch (err) {
    log.error({ err, dataDir: opts.dataDir ?? '(memory)' }, 'failed to start embedded PostgreSQL');
    await server?.stop().catch(() => undefined);
    if (db !== undefined && !db.closed) await db.close().catch(() => undefined);
    await unlock?.();
    throw err;
  }
}
