import { ConfigError, loadConfig } from './config.js';
import { createRootLogger } from './logger.js';
import { startServer, type RunningServer } from './server.js';
import type { Logger } from './backend/services/common/index.js';

/** What {@link installProcessHandlers} acts on; `process` by default (tests pass fakes). */
export interface ProcessLike {
  once(event: string, listener: (...args: unknown[]) => void): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  exit(code: number): never | void;
}

/**
 * Ties the process to the service's life: SIGTERM/SIGINT stop it gracefully and exit 0 (1 if the
 * stop failed); an unhandled rejection or uncaught exception is logged at fatal with its stack,
 * the service stops gracefully (bounded by `timeoutMs`) and the process exits 1 — the process
 * state is unknown after such an error, so it must not keep serving (nodebestpractices 2.6).
 *
 * @param running - the started service.
 * @param root - the root logger.
 * @param timeoutMs - the longest a stop may take before the process exits anyway, in ms.
 * @param proc - the process (default `process`).
 * @returns nothing; the handlers stay installed.
 */
export function installProcessHandlers(running: RunningServer, root: Logger, timeoutMs: number, proc: ProcessLike = process): void {
  const log = root.child({ module: 'Main', fn: 'shutdown' }, { msgPrefix: '[Main:shutdown] ' });
  let exiting = false;
  const finish = (code: number): void => {
    if (exiting) return;
    exiting = true;
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, 'stop took too long; exiting');
      proc.exit(code === 0 ? 1 : code);
    }, timeoutMs + 1_000);
    timer.unref();
    running.stop().then(
      () => {
        log.info({ exitCode: code }, 'exiting');
        proc.exit(code);
      },
      (err: unknown) => {
        log.fatal({ err }, 'stop failed');
        proc.exit(1);
      },
    );
  };
  const onSignal = (signal: unknown): void => {
    log.info({ signal }, 'signal received');
    finish(0);
  };
  const onFatal = (kind: string) => (err: unknown): void => {
    log.fatal({ err, kind }, 'fatal error; stopping');
    if (exiting) proc.exit(1);
    finish(1);
  };
  proc.once('SIGTERM', onSignal);
  proc.once('SIGINT', onSignal);
  proc.on('uncaughtException', onFatal('uncaughtException'));
  proc.on('unhandledRejection', onFatal('unhandledRejection'));
}

/**
 * Reads the configuration once, starts the service and installs the process handlers. A bad
 * configuration exits with code 1 at once, with a message that names each bad variable and never
 * echoes a value.
 *
 * @param env - the environment (default `process.env`).
 * @returns the running service and its root logger.
 */
export async function runService(env: NodeJS.ProcessEnv = process.env): Promise<{ running: RunningServer; log: Logger }> {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createRootLogger({ level: config.logLevel, pretty: config.prettyLogs });
  let running: RunningServer;
  try {
    running = await startServer(config, log);
  } catch (err) {
    log.fatal({ err }, '[Main:runService] could not start');
    process.exit(1);
  }
  installProcessHandlers(running, log, config.shutdown.timeoutMs);
  return { running, log };
}
