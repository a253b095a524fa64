import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './backend/services/common/index.js';
import { CENSOR, redactSecrets, SECRET_KEYS } from './log-redaction.js';

/**
 * Top-level keys pino itself censors (a per-key serializer, no cost on lines without them; also
 * covers objects interpolated into a message). Secret keys at any depth are censored on the
 * finished line by {@link redactSecrets}, which replaced 54 wildcard paths that made pino clone and
 * walk every value of every line (13.6 % of CPU samples under load, see bench/README.md).
 */
export const REDACT_PATHS = ['url', ...SECRET_KEYS.map((key) => `["${key}"]`)];

/** Options of the root logger. */
export interface RootLoggerOptions {
  /** pino level name, e.g. `info`. */
  level: string;
  /** Human-readable output through pino-pretty (development). */
  pretty: boolean;
  /** Where JSON lines go; tests pass a sink stream. Defaults to stdout. */
  destination?: DestinationStream;
}

/**
 * Creates the service's one root logger. Every line carries the current request id (read from
 * `AsyncLocalStorage` through pino's `mixin`), so core functions need no request parameter.
 *
 * @param options - level, pretty output, destination.
 * @returns a pino logger; module loggers are its children.
 */
export function createRootLogger(options: RootLoggerOptions): Logger {
  const pinoOptions = {
    level: options.level,
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    hooks: { streamWrite: redactSecrets },
    mixin() {
      const reqId = currentRequestId();
      return reqId === undefined ? {} : { reqId };
    },
  };
  if (options.destination) return pino(pinoOptions, options.destination);
  if (options.pretty) {
    return pino({
      ...pinoOptions,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, singleLine: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,module,fn' },
      },
    });
  }
  return pino(pinoOptions);
}
