import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrivateBundle, spawnService, type SpawnedService } from './reliability/support.js';

/** A finished span as test/fixtures/traced-entry.ts writes it. */
interface SpanRecord {
  name: string;
  kind: number;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  startMs: number;
  attributes: Record<string, unknown>;
}

const SERVER = 1; // SpanKind.SERVER

describe('OpenTelemetry tracing (in-memory exporter)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracing-'));
  const spansFile = join(dir, 'spans.json');
  let service: SpawnedService;
  let spans: SpanRecord[] = [];
  const requests: Array<{ name: string; reqId: string }> = [];
  let firstRequestMs = 0;
  let sigtermMs = 0;

  beforeAll(async () => {
    service = spawnService({ SPANS_FILE: spansFile, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', LOG_LEVEL: 'debug' }, { entry: 'test/fixtures/traced-entry.ts' });
    const base = `http://127.0.0.1:${await service.port}`;
    firstRequestMs = Date.now();
    const send = async (name: string, path: string, init?: RequestInit) => {
      const res = await fetch(`${base}${path}`, init);
      const body = (await res.json()) as { id?: number };
      requests.push({ name, reqId: res.headers.get('x-request-id') ?? '' });
      return body;
    };
    const created = await send('create', '/customers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Ada', email: 'ada@example.com' }) });
    await send('list', '/customers?limit=5');
    await send('get', `/customers/${created.id}`);
    await fetch(`${base}/healthz`);
    sigtermMs = Date.now();
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    spans = JSON.parse(readFileSync(spansFile, 'utf8')) as SpanRecord[];
  }, 180_000); // the embedded database's first start is slow on a busy machine
  afterAll(() => {
    service?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('When three requests are served (and a probe, untraced), then there are exactly three traces, each rooted in one HTTP server span', () => {
    const servers = spans.filter((span) => span.kind === SERVER && span.scope === '@opentelemetry/instrumentation-http');
    expect(servers.map((span) => span.name).sort()).toEqual(['GET /customers', 'GET /customers/:id', 'POST /customers']);
    expect(servers.every((span) => span.parentSpanId === undefined)).toBe(true);
    // Start-up (migrations) and shutdown (disconnect) have traces of their own; between them, only requests.
    const traces = new Set(spans.filter((span) => span.startMs >= firstRequestMs - 5 && span.startMs < sigtermMs).map((span) => span.traceId));
    expect(traces).toEqual(new Set(servers.map((span) => span.traceId)));
  });

  it('When a request reads the database, then its trace holds express handler, Prisma and pg spans, all linked to it', () => {
    const servers = spans.filter((span) => span.kind === SERVER);
    expect(servers).toHaveLength(3);
    for (const server of servers) {
      const trace = spans.filter((span) => span.traceId === server.traceId);
      const scopes = new Set(trace.map((span) => span.scope));
      expect(scopes, server.name).toContain('@opentelemetry/instrumentation-express');
      expect(trace.some((span) => span.scope === '@opentelemetry/instrumentation-express' && span.attributes['express.type'] === 'request_handler'), server.name).toBe(true);
      expect(trace.some((span) => span.name.startsWith('prisma:')), server.name).toBe(true);
      expect(trace.some((span) => span.scope === '@opentelemetry/instrumentation-pg' && span.name.startsWith('pg.query')), server.name).toBe(true);
      const ids = new Set(trace.map((span) => span.spanId));
      expect(trace.filter((span) => span !== server).every((span) => span.parentSpanId !== undefined && ids.has(span.parentSpanId)), server.name).toBe(true);
    }
  });

  it("When a traced request logs, then every one of its log lines carries that request's trace_id and a span_id", () => {
    const traceIds = new Set(spans.filter((span) => span.kind === SERVER).map((span) => span.traceId));
    const seen = new Set<string>();
    for (const { name, reqId } of requests) {
      const lines = service.lines.filter((line) => line.reqId === reqId || line.req?.id === reqId);
      expect(lines.length, name).toBeGreaterThan(1);
      const ids = new Set(lines.map((line) => line.trace_id));
      expect(ids.size, name).toBe(1);
      const [traceId] = [...ids] as string[];
      expect(traceIds.has(traceId ?? ''), name).toBe(true);
      expect(lines.every((line) => typeof line.span_id === 'string' && /^[0-9a-f]{16}$/.test(line.span_id)), name).toBe(true);
      seen.add(traceId ?? '');
    }
    expect(seen.size).toBe(3);
  });
});

describe('Tracing off (OTEL_EXPORTER_OTLP_ENDPOINT unset)', () => {
  const started: SpawnedService[] = [];
  afterAll(() => started.forEach((service) => service.cleanup()));

  /** Starts src/main.ts (or a built bundle) under the import-reporting fixture, serves one request, stops it. */
  async function run(env: Record<string, string>, bundle?: string): Promise<SpawnedService> {
    const service = spawnService({ LOG_LEVEL: 'debug', ...env, ...(bundle ? { REPORTED_ENTRY: bundle } : {}) }, { entry: 'test/fixtures/report-telemetry-loads.ts' });
    started.push(service);
    const res = await fetch(`http://127.0.0.1:${await service.port}/customers?limit=1`);
    expect(res.status).toBe(200);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
    return service;
  }

  it('When the endpoint is unset, then no telemetry package is even imported and no log line carries a trace_id', async () => {
    const off = await run({});
    expect(off.stderr()).not.toContain('telemetry import:');
    expect(off.lines.some((line) => 'trace_id' in line)).toBe(false);
    // The same fixture does see the imports when tracing is on (the check is real).
    const on = await run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', OTEL_TRACES_EXPORTER: 'none' });
    expect(on.stderr()).toContain('telemetry import: @opentelemetry/sdk-node');
  }, 240_000);

  it('When the built bundle (npm start) runs with the endpoint unset, then no telemetry package is imported either', async () => {
    const bundle = buildPrivateBundle();
    try {
      expect((await run({}, bundle.entry)).stderr()).not.toContain('telemetry import:');
      const on = await run({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', OTEL_TRACES_EXPORTER: 'none' }, bundle.entry);
      expect(on.stderr()).toContain('telemetry import: @opentelemetry/sdk-node');
    } finally {
      bundle.remove();
    }
  }, 240_000);
});
