import { register } from 'node:module';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { PinoInstrumentation } from '@opentelemetry/instrumentation-pino';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';
import { PrismaInstrumentation } from '@prisma/instrumentation';

/** Options of {@link startTelemetry}; everything else comes from the standard `OTEL_*` variables. */
export interface TelemetryOptions {
  /** Where finished spans go; default: the exporter `OTEL_TRACES_EXPORTER` names (OTLP). Tests pass an in-memory one. */
  spanProcessors?: SpanProcessor[];
}

/**
 * The only ES-module imports the loader hook wraps: what the instrumentations patch. Wrapping
 * every module would also wrap the embedded database's WebAssembly loader, which then never
 * starts; the rest (express's router, pg's pool) comes through `require`, patched without the hook.
 */
const HOOKED_MODULES = ['express', 'pg', 'pino', 'http', 'node:http', 'https', 'node:https'];

/** Paths whose requests are not traced (probes: one span every few seconds per pod, no information). */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Starts OpenTelemetry (the Node SDK) with the instrumentations for `http`, `express`, `pg`,
 * Prisma and `pino`. Must run before any of those modules is imported: `src/main.ts` calls it
 * first and only then imports the service, and only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, so
 * none of this is even loaded otherwise. Registers the `import-in-the-middle` loader hook, through
 * which the instrumentations see ES-module imports. While a span is active every pino line carries
 * `trace_id`, `span_id` and `trace_flags`. Exporter, sampler, resource and service name follow the
 * OpenTelemetry SDK environment variables (`OTEL_SERVICE_NAME`, `OTEL_EXPORTER_OTLP_PROTOCOL`,
 * `OTEL_TRACES_SAMPLER`…); the service name defaults to `example-service`.
 *
 * @param options - span processors to use instead of the configured exporter.
 * @returns a function that flushes pending spans and stops the SDK (call it on shutdown).
 */
export function startTelemetry(options: TelemetryOptions = {}): () => Promise<void> {
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: HOOKED_MODULES } });
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? 'example-service',
    ...(options.spanProcessors ? { spanProcessors: options.spanProcessors } : {}),
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0] ?? '') }),
      new ExpressInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
      new PrismaInstrumentation(),
      new PinoInstrumentation({ disableLogSending: true }),
    ],
  });
  sdk.start();
  return () => sdk.shutdown();
}
