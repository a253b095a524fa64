import { AsyncLocalStorage } from 'node:async_hooks';

/** What the core may know about the request it serves, without knowing HTTP. */
export interface RequestContext {
  /** Correlation id of the request (from `x-request-id` or generated). */
  requestId: string;
}

/**
 * Request-scoped storage. The HTTP adapter enters it once per request; the root logger's `mixin`
 * reads it so every log line, core included, carries the request id (Node `AsyncLocalStorage`).
 */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * @returns the id of the request being served, or `undefined` outside a request.
 */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
