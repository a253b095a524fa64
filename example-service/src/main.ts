/**
 * Entry point of `npm run dev` / `npm start`: see `runService` in lifecycle.ts (configuration,
 * start, graceful stop on SIGTERM/SIGINT, exit 1 after a fatal error). With
 * `OTEL_EXPORTER_OTLP_ENDPOINT` set, tracing starts first (telemetry.ts) and the service is
 * imported only afterwards, so the instrumentations see http, express, pg and pino load; the
 * graceful stop then ends by flushing the last spans. Without it the telemetry packages are never
 * loaded.
 */
const stopTelemetry = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? (await import('./telemetry.js')).startTelemetry() : undefined;
const { runService } = await import('./lifecycle.js');
const { running } = await runService();
if (stopTelemetry) {
  const stopServer = running.stop;
  running.stop = async () => {
    await stopServer();
    await stopTelemetry();
  };
}
