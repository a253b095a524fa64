import type { Logger } from 'pino';
import { DomainError } from './errors.js';

export type { Logger };

/**
 * A module logger: the root logger with the module bound, created once per module.
 *
 * @param root - the service's root pino logger.
 * @param module - the module's name in PascalCase, e.g. `Invoices`.
 * @returns a child logger carrying `{ module }`.
 */
export function moduleLogger(root: Logger, module: string): Logger {
  return root.child({ module });
}

/**
 * A function logger whose every message starts with `[Module:function]` (rule R3), built with
 * pino's `msgPrefix` (pino docs/api.md). Create it once, not per call.
 *
 * @param moduleLog - the module logger from {@link moduleLogger}.
 * @param module - the module's name, e.g. `Invoices`.
 * @param fn - the function's name, e.g. `create`.
 * @returns a child logger; always pass a message string so the prefix shows.
 */
export function functionLogger(moduleLog: Logger, module: string, fn: string): Logger {
  return moduleLog.child({ fn }, { msgPrefix: `[${module}:${fn}] ` });
}

/**
 * Wraps an async function so that it logs its input and result at debug and its error with the
 * `[Module:function]` prefix, then rethrows the error unchanged. An expected {@link DomainError}
 * is logged at warn with its code; any other error at debug with its type only: the boundary that
 * finally handles it (the HTTP error handler) logs it once, with its stack, status and request id,
 * so one failure does not produce one stack trace per layer.
 *
 * @param log - the function logger from {@link functionLogger}.
 * @param impl - the implementation; receives the same arguments.
 * @returns a function with the same signature as `impl`.
 * @throws whatever `impl` throws, after logging it.
 */
export function logged<A extends unknown[], R>(
  log: Logger,
  impl: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    if (log.isLevelEnabled('debug')) log.debug({ input: args }, 'called');
    try {
      const result = await impl(...args);
      if (log.isLevelEnabled('debug')) log.debug({ result }, 'done');
      return result;
    } catch (err) {
      if (err instanceof DomainError) log.warn({ code: err.code }, 'refused');
      else log.debug({ errorType: err instanceof Error ? err.name : typeof err }, 'failed');
      throw err;
    }
  };
}
