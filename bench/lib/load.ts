import autocannon from 'autocannon';
import { QUICK } from './proc.js';

/** Fixed load shape of every HTTP run: loopback, 10 connections, no pipelining. */
export const CONNECTIONS = 10;
/** Seconds per measured run. */
export const DURATION_S = QUICK ? 0.5 : Number(process.env.BENCH_HTTP_SECONDS ?? 1);

/** One HTTP request shape. */
export interface Target {
  /** Label, e.g. `GET /invoices/:id`. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** What one load run measured. */
export interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Runs autocannon against `http://127.0.0.1:<port><path>` with fixed connections and duration.
 *
 * @param port - the server's port.
 * @param target - method, path and body.
 * @param seconds - duration (default {@link DURATION_S}).
 * @returns completed requests per second and latency percentiles.
 * @throws Error when any request errored, timed out or answered non-2xx (the run would be meaningless).
 */
export async function load(port: number, target: Target, seconds = DURATION_S): Promise<LoadResult> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${target.path}`,
    method: target.method,
    connections: CONNECTIONS,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    headers: target.body ? { 'content-type': 'application/json' } : {},
    ...(target.body ? { body: target.body } : {}),
  });
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
    throw new Error(`${target.label} on :${port}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
  }
  const elapsedS = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return { reqPerSec: result.requests.total / elapsedS, p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
}

/** The three routes of a generated module measured against the floor. */
export const ROUTES: Target[] = [
  { label: 'GET /invoices/:id', method: 'GET', path: '/invoices/7' },
  { label: 'GET /invoices?limit=20', method: 'GET', path: '/invoices?limit=20' },
  {
    label: 'POST /invoices',
    method: 'POST',
    path: '/invoices',
    body: JSON.stringify({ number: 'INV-1', amount: '12.50', paid: false, dueAt: '2026-12-01T00:00:00Z', note: 'bench' }),
  },
];
