import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { checkedRequest } from '../../src/backend/api/common/openapi-testing.js';
import {
  createPrismaClient,
  isPrismaError,
  openTestDatabase,
  SERVICE_MIGRATIONS_DIR,
  type PrismaClient,
  type TestDatabase,
} from '../../src/backend/db/common/index.js';
import { NotFoundError } from '../../src/backend/services/common/index.js';
import { composeServices } from '../../src/composition-root.js';
import { createRootLogger } from '../../src/logger.js';
import { logSink, startFaultProxy, type FaultProxy } from './support.js';

const log = createRootLogger({ level: 'silent', pretty: false, destination: logSink().stream });
const embedded = process.env.DATABASE_URL === undefined;

/** The service's migrations plus a test-only unique index on customers.email (for P2002). */
function migrationsWithUniqueEmail(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reliability-migrations-'));
  cpSync(SERVICE_MIGRATIONS_DIR, dir, { recursive: true });
  mkdirSync(join(dir, '29991231000000_test_unique_customer_email'));
  writeFileSync(join(dir, '29991231000000_test_unique_customer_email', 'migration.sql'), 'CREATE UNIQUE INDEX "customers_email_key" ON "customers"("email");\n');
  return dir;
}

const withPort = (url: string, port: number): string => {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.toString();
};

function appOn(prisma: PrismaClient, isDraining = () => false) {
  return createApp({ services: composeServices(prisma, log), log, checkReady: async () => void (await prisma.$queryRaw`SELECT 1`), isDraining });
}

describe('P6, P15, P16, P17, P23 on a real PostgreSQL (embedded or DATABASE_URL)', () => {
  let db: TestDatabase;
  let migrationsDir: string;
  let proxy: FaultProxy;
  let faulty: PrismaClient;
  beforeAll(async () => {
    migrationsDir = migrationsWithUniqueEmail();
    db = await openTestDatabase({ migrationsDir });
    proxy = await startFaultProxy(Number(new URL(db.url).port));
    faulty = createPrismaClient({ url: withPort(db.url, proxy.port), poolMax: embedded ? 1 : 2, connectTimeoutMs: 1_000, statementTimeoutMs: 1_500, queryTimeoutMs: 2_000, idleTimeoutMs: 500 });
  });
  afterAll(async () => {
    await faulty?.$disconnect();
    await proxy?.close();
    await db?.close();
    rmSync(migrationsDir, { recursive: true, force: true });
  });

  it('P17 When the database is refused, cut mid-query or black-holed, then 503 DB.UNAVAILABLE within a bound; it recovers when the database returns', async () => {
    const app = appOn(faulty);
    await checkedRequest(app).post('/customers').send({ name: 'Before', email: 'before@example.com' }).expect(201);
    const timed = async (path: string, boundMs: number) => {
      const started = Date.now();
      const res = await checkedRequest(app).get(path).expect(503);
      expect(Date.now() - started, path).toBeLessThan(boundMs);
      return res;
    };
    const recover = async () => {
      proxy.mode = 'pass';
      const started = Date.now();
      for (;;) {
        const res = await checkedRequest(app).get('/customers');
        if (res.status === 200) return;
        expect(Date.now() - started).toBeLessThan(10_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    // 1. refused: every connection is dropped at once.
    proxy.mode = 'refuse';
    proxy.cut();
    const refused = await timed('/customers', 3_000);
    expect(refused.body.code).toBe('DB.UNAVAILABLE');
    expect(refused.text).not.toMatch(/prisma|P1001|P2010|127\.0\.0\.1|ECONN/i);
    await timed('/readyz', 3_000);
    await checkedRequest(app).get('/healthz').expect(200);
    await recover();
    // 2. cut mid-query: the connection goes silent, then dies while the query waits.
    proxy.mode = 'blackhole';
    const pending = checkedRequest(app).get('/customers/1').then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const cutAt = Date.now();
    proxy.cut();
    expect((await pending).status).toBe(503);
    expect(Date.now() - cutAt).toBeLessThan(2_500);
    await recover();
    // 3. black hole: an open connection that never answers, and a port that accepts but never answers.
    proxy.mode = 'blackhole';
    await timed('/customers', 4_000);
    proxy.cut();
    await timed('/customers', 4_000);
    await recover();
    await checkedRequest(app).post('/customers').send({ name: 'After', email: 'after@example.com' }).expect(201);
  });

  it('P16 When the database is down or the service drains, then /readyz is 503 while /healthz stays 200 without touching the database', async () => {
    let probes = 0;
    const app = createApp({ services: composeServices(faulty, log), log, checkReady: async () => { probes += 1; throw new Error('down'); } });
    await checkedRequest(app).get('/healthz').expect(200);
    expect(probes).toBe(0);
    const res = await checkedRequest(app).get('/readyz').expect(503);
    expect(res.body.code).toBe('SERVICE.UNAVAILABLE');
    expect(probes).toBe(1);
    await checkedRequest(appOn(faulty)).get('/readyz').expect(200);
    const draining = await checkedRequest(appOn(faulty, () => true)).get('/readyz').expect(503);
    expect(draining.headers.connection).toBe('close');
  });

  it('P6 When a unique value is taken (P2002) or a row is missing (P2025), then 409 / 404 with no Prisma message or meta', async () => {
    const app = appOn(db.prisma);
    await checkedRequest(app).post('/customers').send({ name: 'Ada', email: 'dup@example.com' }).expect(201);
    const dup = await checkedRequest(app).post('/customers').send({ name: 'Bob', email: 'dup@example.com' }).expect(409);
    expect(dup.body.code).toBe('CUSTOMER.CONFLICT');
    expect(dup.text).not.toMatch(/prisma|P2002|constraint|customers_email_key|meta|invocation/i);
    const missing = await checkedRequest(app).patch('/customers/999999').send({ name: 'X' }).expect(404);
    expect(missing.body.code).toBe('CUSTOMER.NOT_FOUND');
    const thrown = await db.prisma.customer.delete({ where: { id: 999_999 } }).catch((err: unknown) => err);
    expect(thrown).toBeInstanceOf(NotFoundError);
    expect(isPrismaError(thrown, 'P2025')).toBe(true);
  });

  it('P15 When the client is created, then the server-side statement timeout is set on every connection', async () => {
    // Its own client with a generous connect timeout: on the embedded database, clients take turns.
    const prisma = createPrismaClient({ url: db.url, poolMax: 1, statementTimeoutMs: 1_500, connectTimeoutMs: 20_000 });
    try {
      const rows = await prisma.$queryRaw<Array<{ statement_timeout: string }>>`SHOW statement_timeout`;
      expect(rows[0]?.statement_timeout).toBe('1500ms');
    } finally {
      await prisma.$disconnect();
    }
  });

  it('P23 When two service instances create the same unique value at once, then exactly one 201, the rest 409, one row', async () => {
    const clients = [0, 1].map(() => createPrismaClient({ url: db.url, poolMax: embedded ? 1 : 4, idleTimeoutMs: 200 }));
    try {
      const apps = clients.map((prisma) => appOn(prisma));
      const attempts = 12;
      const results = await Promise.all(
        Array.from({ length: attempts }, (_, i) => checkedRequest(apps[i % 2]!).post('/customers').send({ name: `Racer ${i}`, email: 'race@example.com' })),
      );
      const statuses = results.map((res) => res.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(attempts - 1);
      expect(await db.prisma.customer.count({ where: { email: 'race@example.com' } })).toBe(1);
    } finally {
      await Promise.all(clients.map((prisma) => prisma.$disconnect()));
    }
  });
});
