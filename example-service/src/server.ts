import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import stoppable from 'stoppable';
import { createApp } from './app.js';
import { composeServices } from './composition-root.js';
import type { Config } from './config.js';
import { connectRedisRateLimitStore } from './backend/api/index.js';
import { openDatabase } from './backend/db/common/index.js';
import { functionLogger, moduleLogger, type Logger } from './backend/services/common/index.js';

/**
 * The service's root folder, with a trailing separator (holds `package.json`, `prisma/`, `.data/`):
 * the nearest folder above this module that holds a `package.json`, so `src/server.ts` under tsx and
 * the bundle `dist/main.js` (`npm run build`) find the same root.
 */
export const SERVICE_ROOT = findServiceRoot(dirname(fileURLToPath(import.meta.url)));

function findServiceRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return `${dir}${sep}`;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}: cannot locate the service root`);
  }
}

/** A started service. */
export interface RunningServer {
  /** The port actually bound (useful with `PORT=0`). */
  port: number;
  server: Server;
  /** True once `stop` was called (readiness answers 503). */
  draining(): boolean;
  /**
   * Graceful stop, idempotent: readiness turns 503, after `shutdown.delayMs` the listener closes,
   * idle keep-alive sockets close, in-flight requests finish (each socket closes after its last
   * response; all are cut after `shutdown.timeoutMs`), then the database and Redis close.
   */
  stop(): Promise<void>;
}

/**
 * Connects the shared rate-limit store when `redis` is set, opens the database (embedded PGlite
 * when `databaseUrl` is unset; migrations applied when `migrateOnStart`), builds the app through
 * the composition root and listens with explicit timeouts (headers, whole request, keep-alive).
 *
 * @param config - the validated configuration.
 * @param root - the root logger.
 * @returns the running server and its stop function.
 * @throws when Redis or the database cannot be reached, migrations fail, or the port cannot be bound.
 */
export async function startServer(config: Config, root: Logger): Promise<RunningServer> {
  const log = functionLogger(moduleLogger(root, 'Server'), 'Server', 'startServer');
  log.debug({ port: config.port, embedded: config.databaseUrl === undefined }, 'called');
  const redis = config.redis ? await connectRedisRateLimitStore(config.redis.url, config.redis.keyPrefix, root) : undefined;
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: new URL(config.dataDir, `file://${SERVICE_ROOT}`).pathname,
    migrationsDir: `${SERVICE_ROOT}prisma/migrations`,
    migrate: config.migrateOnStart,
    log: root,
    poolMax: config.db.poolMax,
    connectTimeoutMs: config.db.connectTimeoutMs,
    statementTimeoutMs: config.db.statementTimeoutMs,
  }).catch(async (err: unknown) => {
    await redis?.close();
    throw err;
  });
  let draining = false;
  const app = createApp({
    services: composeServices(db.prisma, root),
    log: root,
    checkReady: () => db.ping(1000),
    isDraining: () => draining,
    rateLimit: { ...config.rateLimit, store: redis?.storeFor },
    trustProxy: config.trustProxy,
    cors: config.cors,
  });
  let server: Server & stoppable.WithStop;
  try {
    server = await new Promise((resolve, reject) => {
      const s = createServer(
        {
          headersTimeout: config.http.headersTimeoutMs,
          requestTimeout: config.http.requestTimeoutMs,
          keepAliveTimeout: config.http.keepAliveTimeoutMs,
          // How often Node checks the two timeouts above (its default, 30 s, would let a slow client linger).
          connectionsCheckingInterval: Math.min(1_000, config.http.headersTimeoutMs),
        },
        app,
      );
      s.once('error', reject);
      s.listen(config.port, config.host, () => resolve(stoppable(s, config.shutdown.timeoutMs)));
    });
  } catch (err) {
    await db.close();
    await redis?.close();
    throw err;
  }
  const { address, port } = server.address() as AddressInfo;
  const shown = address.includes(':') ? `[${address}]` : address;
  log.info({ host: address, port, embedded: db.embedded, http: config.http }, `listening on http://${shown}:${port}`);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const stopLog = functionLogger(moduleLogger(root, 'Server'), 'Server', 'stop');
      draining = true;
      stopLog.info({ delayMs: config.shutdown.delayMs, timeoutMs: config.shutdown.timeoutMs }, 'draining');
      if (config.shutdown.delayMs > 0) await sleep(config.shutdown.delayMs);
      const graceful = await new Promise<boolean>((resolve) => {
        server.stop((err, gracefully) => {
          if (err) stopLog.warn({ err }, 'listener was not open');
          resolve(gracefully ?? true);
        });
      });
      stopLog.info({ graceful }, 'http closed');
      await db.close();
      await redis?.close();
      stopLog.info('stopped');
    })();
    return stopping;
  };
  return { port, server, draining: () => draining, stop };
}
