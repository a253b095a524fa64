import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './backend/services/common/index.js';

/** Field names whose values never reach a log line, at any of the first four levels of nesting. */
const SECRET_KEYS = ['password', 'passwordHash', 'token', 'secret', 'accessToken', 'refreshToken', 'apiKey', 'authorization', 'cookie', 'databaseUrl'];
const NESTINGS = ['*', '*.*', '*.*.*', '*[*]', '*.*[*]', '*.*.*[*]'];

/** Paths pino replaces with `[redacted]` on every line (pino docs/redaction.md). */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'databaseUrl',
  'url',
  ...SECRET_KEYS.flatMap((key) => NESTINGS.map((nesting) => `${nesting}.${key}`)),
];

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
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
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
