import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One answered request as the proxy saw it. */
export interface ProxiedResult {
  /** Index of the backend that answered, or -1 when none did. */
  backend: number;
  status: number;
  /** `Date.now()` when the proxy forwarded the request. */
  sentAt: number;
  /** Why the proxy answered 502: no ready backend, or the upstream error code. */
  error?: string;
}

/** A loopback HTTP load balancer in the way Kubernetes Services use readiness: round-robin over ready backends. */
export interface RoundRobinProxy {
  port: number;
  results: ProxiedResult[];
  /** Per backend: requests forwarded to it, and answers received from it. */
  forwarded: number[];
  answered: number[];
  /** Per backend: how many times its `/readyz` answered 503 while it was still listening. */
  notReady: number[];
  /** Requests retried on another backend because the connection was refused (they never reached it). */
  refusedRetries: number;
  close(): Promise<void>;
}

/**
 * Starts the proxy on 127.0.0.1 (port 0). Every `pollMs` it asks each backend's `/readyz`; only
 * ready backends get traffic (a 503 takes one out at once, three timeouts or errors in a row too). Bodies are buffered so a request refused at connect can
 * go to the next backend; any other failure is answered 502 and recorded as a lost request.
 *
 * @param backendPorts - ports of the service instances on 127.0.0.1.
 * @param pollMs - readiness polling period in ms.
 * @returns the running proxy.
 */
export async function startRoundRobinProxy(backendPorts: number[], pollMs = 100): Promise<RoundRobinProxy> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const ready = backendPorts.map(() => true);
  const proxy: RoundRobinProxy = {
    port: 0, results: [], refusedRetries: 0,
    forwarded: backendPorts.map(() => 0), answered: backendPorts.map(() => 0), notReady: backendPorts.map(() => 0),
    close: async () => {
      clearInterval(timer);
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  // Like a Kubernetes readiness probe, tolerant of a busy machine: a 503 takes the backend out at
  // once, a timeout (5 s) or connection error only after `failureThreshold` in a row; one 200 brings it back.
  const failures = backendPorts.map(() => 0);
  const failureThreshold = 3;
  const probed = (i: number, status: number | undefined): void => {
    failures[i] = status === 200 ? 0 : failures[i]! + 1;
    if (status === 200) ready[i] = true;
    else if (status === 503 || failures[i]! >= failureThreshold) ready[i] = false;
  };
  const poll = (): void => backendPorts.forEach((port, i) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/readyz', agent: false, timeout: 5_000 }, (res) => {
      if (res.statusCode === 503) proxy.notReady[i]! += 1;
      probed(i, res.statusCode);
      res.resume();
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => probed(i, undefined));
  });
  const timer = setInterval(poll, pollMs);
  let next = 0;
  const pick = (): number => {
    for (let tries = 0; tries < backendPorts.length; tries += 1) {
      const i = next++ % backendPorts.length;
      if (ready[i]) return i;
    }
    return -1;
  };
  const forward = (method: string, path: string, headers: IncomingHttpHeaders, body: Buffer, res: http.ServerResponse, attempt: number): void => {
    const i = pick();
    const sentAt = Date.now();
    const fail = (error: string): void => {
      proxy.results.push({ backend: -1, status: 502, sentAt, error });
      res.writeHead(502).end();
    };
    if (i < 0) return fail('no ready backend');
    proxy.forwarded[i]! += 1;
    const upstream = http.request({ host: '127.0.0.1', port: backendPorts[i], method, path, headers, agent }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        proxy.answered[i]! += 1;
        proxy.results.push({ backend: i, status: answer.statusCode ?? 0, sentAt });
        res.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'text/plain' }).end(Buffer.concat(chunks));
      });
      answer.on('error', (err) => fail(`backend ${i}: ${err.message}`));
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && attempt < backendPorts.length) {
        proxy.forwarded[i]! -= 1;
        proxy.refusedRetries += 1;
        ready[i] = false;
        forward(method, path, headers, body, res, attempt + 1);
        return;
      }
      fail(`backend ${i}: ${err.code ?? err.message}`);
    });
    upstream.end(body);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { connection: _c, 'keep-alive': _k, ...headers } = req.headers;
      forward(req.method ?? 'GET', req.url ?? '/', headers, Buffer.concat(chunks), res, 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as AddressInfo).port;
  return proxy;
}
