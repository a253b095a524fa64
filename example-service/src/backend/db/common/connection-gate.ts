import net, { type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { dbFunctionLogger, type Logger } from './db-logging.js';

/**
 * Why this gate exists (measured with pglite-socket 0.1.3, see embedded-postgres.ts):
 * PGlite has ONE backend session. pglite-socket multiplexes several TCP clients onto it message by
 * message, so two clients' extended-protocol messages interleave (`bind message supplies 1
 * parameters, but prepared statement "" requires 2`), and with `maxConnections: 1` a client that
 * reconnects right after another one closed is refused half of the time (the server forgets the
 * old socket one tick late). The gate accepts any number of TCP clients but lets exactly one talk
 * to PGlite at a time; the others wait (their own connect timeout bounds the wait). Between two
 * clients it resets the session, so each client sees a fresh connection.
 */
export interface ConnectionGate {
  /** The OS-assigned port clients connect to (127.0.0.1). */
  port: number;
  /** Number of clients waiting for their turn. */
  waiting(): number;
  /** Resolves once no client holds the gate (for a consistent snapshot). */
  whenIdle(): Promise<void>;
  /** Destroys every client socket and stops listening. Idempotent. */
  close(): Promise<void>;
}

/** What the gate needs to know about the server behind it. */
export interface GateOptions {
  /** Port of the pglite-socket server on 127.0.0.1. */
  upstreamPort: number;
  /** True when the server behind the gate has forgotten every previous socket. */
  isUpstreamIdle: () => boolean;
  /** Resets the shared session between two clients (rollback, `DISCARD ALL`). */
  resetSession: () => Promise<void>;
  log: Logger;
}

const IDLE_POLL_MS = 2;
const IDLE_WAIT_LIMIT_MS = 5_000;

/**
 * Starts a TCP gate on 127.0.0.1 (OS-assigned port) that serialises client connections in front of
 * a pglite-socket server.
 *
 * @param opts - upstream port, idle probe, session reset and logger.
 * @returns the listening gate.
 * @throws when the gate cannot listen.
 */
export async function startConnectionGate(opts: GateOptions): Promise<ConnectionGate> {
  const log = dbFunctionLogger(opts.log, 'startConnectionGate');
  log.debug({ upstreamPort: opts.upstreamPort }, 'called');
  const queue: Socket[] = [];
  const live = new Set<Socket>();
  let busy = false;
  let closing = false;
  let idleWaiters: Array<() => void> = [];

  const settleIdle = (): void => {
    if (busy || queue.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const waitUpstreamIdle = async (): Promise<void> => {
    const started = Date.now();
    while (!opts.isUpstreamIdle() && !closing) {
      if (Date.now() - started > IDLE_WAIT_LIMIT_MS) {
        throw new Error('embedded PostgreSQL did not release the previous connection');
      }
      await sleep(IDLE_POLL_MS);
    }
  };

  const serve = async (client: Socket): Promise<void> => {
    await waitUpstreamIdle();
    await opts.resetSession();
    if (closing || client.destroyed) return;
    const upstream = net.connect({ host: '127.0.0.1', port: opts.upstreamPort });
    live.add(upstream);
    upstream.setNoDelay(true);
    client.setNoDelay(true);
    await new Promise<void>((resolve) => {
      let open = 2;
      const closed = (): void => {
        open -= 1;
        client.destroy();
        upstream.destroy();
        if (open === 0) resolve();
      };
      client.once('close', closed);
      upstream.once('close', closed);
      upstream.on('error', (err) => log.debug({ err }, 'upstream socket error'));
      client.pipe(upstream);
      upstream.pipe(client);
    });
    live.delete(upstream);
  };

  const pump = (): void => {
    if (busy || closing) return;
    const next = queue.shift();
    if (next === undefined) return settleIdle();
    if (next.destroyed) return pump();
    busy = true;
    serve(next)
      .catch((err: unknown) => {
        log.error({ err }, 'connection failed');
        next.destroy();
      })
      .finally(() => {
        busy = false;
        pump();
      });
  };

  const server = net.createServer((client) => {
    live.add(client);
    client.on('error', (err) => log.debug({ err }, 'client socket error'));
    client.once('close', () => {
      live.delete(client);
      const index = queue.indexOf(client);
      if (index >= 0) queue.splice(index, 1);
      settleIdle();
    });
    if (closing) return void client.destroy();
    queue.push(client);
    pump();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  }).catch((err: unknown) => {
    log.error({ err }, 'cannot listen');
    throw err;
  });
  const port = (server.address() as AddressInfo).port;
  log.debug({ port }, 'listening');

  return {
    port,
    waiting: () => queue.length,
    whenIdle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
    close: async () => {
      if (closing) return;
      closing = true;
      for (const socket of live) socket.destroy();
      queue.length = 0;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      busy = false;
      settleIdle();
      log.debug('closed');
    },
  };
}
