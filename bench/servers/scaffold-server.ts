/**
 * The generated service as benchmarked: the example service's own `createApp` and composition root
 * (helmet, request id, pino-http, zod validation, service + repository layers, logging).
 * Env: PORT; BENCH_ADAPTER=memory|pg (pg needs DATABASE_URL, migrated on start);
 * BENCH_LOG=info (default level outside development, JSON to stdout) | debug-file (debug, JSON to
 * BENCH_LOG_FILE) | silent.
 */
import { pino } from 'pino';
import { createApp } from '../../example-service/src/app.js';
import { composeInMemoryServices, composeServices } from '../../example-service/src/composition-root.js';
import { openDatabase } from '../../example-service/src/backend/db/common/index.js';
import { createRootLogger } from '../../example-service/src/logger.js';
import { SERVICE_ROOT } from '../../example-service/src/server.js';

const mode = process.env.BENCH_LOG ?? 'info';
const log =
  mode === 'debug-file'
    ? createRootLogger({ level: 'debug', pretty: false, destination: pino.destination(process.env.BENCH_LOG_FILE ?? '/dev/null') })
    : createRootLogger({ level: mode === 'silent' ? 'silent' : 'info', pretty: false });

let checkReady = async (): Promise<void> => undefined;
let services = composeInMemoryServices(log);
if (process.env.BENCH_ADAPTER === 'pg') {
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: '.data/unused',
    migrationsDir: `${SERVICE_ROOT}prisma/migrations`,
    migrate: true,
    log,
  });
  services = composeServices(db.prisma, log);
  checkReady = () => db.ping(1000);
}
const app = createApp({ services, log, checkReady });
app.listen(Number(process.env.PORT), '127.0.0.1');

// Exit on signals so `--cpu-prof` profiles are written.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
