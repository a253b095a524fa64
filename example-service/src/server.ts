import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { composeServices } from './composition-root.js';
import type { Config } from './config.js';
import { openDatabase } from './backend/db/common/index.js';
import { functionLogger, moduleLogger, type Logger } from './backend/services/common/index.js';

/** The service's root folder (holds `prisma/`, `.data/`). */
export const SERVICE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A started service. */
export interface RunningServer {
  /** The port actually bound (useful with `PORT=0`). */
  port: number;
  server: Server;
  /** Stops accepting connections, closes idle ones, then closes the database. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Opens the database (embedded PGlite when `databaseUrl` is unset; migrations applied when
 * `migrateOnStart`), builds the app through the composition root and listens.
 *
 * @param config - the validated configuration.
 * @param root - the root logger.
 * @returns the running server and its stop function.
 * @throws when the database cannot be opened or migrated, or the port cannot be bound.
 */
export async function startServer(config: Config, root: Logger): Promise<RunningServer> {
  const log = functionLogger(moduleLogger(root, 'Server'), 'Server', 'startServer');
  log.debug({ port: config.port, embedded: config.databaseUrl === undefined }, 'called');
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: new URL(config.dataDir, `file://${SERVICE_ROOT}`).pathname,
    migrationsDir: `${SERVICE_ROOT}prisma/migrations`,
    migrate: config.migrateOnStart,
    log: root,
  });
  const app = createApp({
    services: composeServices(db.prisma, root),
    log: root,
    checkReady: () => db.ping(1000),
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ port, embedded: db.embedded }, `listening on http://localhost:${port}`);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info('stopping');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await db.close();
      log.info('stopped');
    })();
    return stopping;
  };
  return { port, server, stop };
}
