import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { Logger } from '../../services/common/index.js';

/**
 * pino-http request logging: one line per request with method, url, status and time; the request id
 * (set by the request-id middleware) is `req.id` here and `reqId` on every other line; 4xx at warn, 5xx at error with
 * the error and its stack (pino-http README).
 *
 * @param log - the root logger.
 * @returns the pino-http middleware.
 */
export function httpLogger(log: Logger): HttpLogger<IncomingMessage, ServerResponse> {
  return pinoHttp({
    logger: log,
    genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
    customLogLevel: (_req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    serializers: {
      req: (req: { id?: unknown; method?: string; url?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
