import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEndpoint } from '../generators/endpoint/index.js';
import { bin, copyService, readTree, removeCopy, run } from './support/workspace.js';

const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

// Every type, modifier and a relation, through every layer: generate into a copy of the service,
// then typecheck it, run the new modules' unit, API and database tests, and prove the committed
// migrations equal the Prisma schema (schema-drift test, wasm engine diff).
describe('field grammar through every layer', () => {
  let service: string;
  beforeAll(() => {
    service = copyService();
    runEndpoint({
      serviceDir: service,
      name: 'wares',
      fields: 'sku:string! title:text stock:int=0 weight:bigint? price:decimal=9.99 active:boolean=true ' +
        'launchAt:datetime=now code:uuid!=uuid attrs:json kind:enum(physical|digital)=physical apiKey:secret pin:secret?',
    }, { generateClient: false });
    runEndpoint({
      serviceDir: service,
      name: 'orders',
      fields: 'customer:ref(customers) ware:ref(wares)? status:enum(pending|paid|shipped) total:decimal note:text? meta:json?',
    });
  });
  afterAll(() => removeCopy(service));

  it('When the modules are generated, then the schema, enum, unique index, default and foreign keys are written', () => {
    const tree = readTree(service);
    const migration = Object.entries(tree).find(([path]) => path.endsWith('_create_orders/migration.sql'))?.[1] ?? '';
    expect(migration).toContain(`CREATE TYPE "OrderStatus" AS ENUM ('pending', 'paid', 'shipped');`);
    expect(migration).toContain(
      `ALTER TABLE "orders" ADD CONSTRAINT "orders_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;`,
    );
    expect(migration).toContain('ON DELETE SET NULL');
    expect(tree['src/backend/db/customers/customers.prisma']).toContain('orders Order[]');
    expect(tree['src/backend/db/orders/orders.prisma']).toContain('customer Customer @relation(fields: [customerId], references: [id])');
    expect(tree['src/backend/api/orders/orders.schemas.ts']).toContain('customerId: idParams.shape.id.optional()');
    expect(migration).toContain('"meta" JSONB,');
    const wares = Object.entries(tree).find(([path]) => path.endsWith('_create_wares/migration.sql'))?.[1] ?? '';
    expect(wares).toContain('"apiKeyHash" TEXT NOT NULL,');
    expect(wares).toContain('"pinHash" TEXT,');
    expect(tree['src/backend/api/wares/wares.schemas.ts']).toContain("secretFields: ['apiKey', 'pin'],");
    expect(tree['src/composition-root.ts']).toContain('wares: createWaresService({ repo: createWaresPrismaRepository(prisma, log), passwords: authAdapters(log).passwords, log }),');
    expect(tree['src/backend/db/orders/orders.prisma']).toContain('meta Json?');
  });

  it('When typechecked, then the service compiles', () => {
    const result = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], service);
    expect(result.stdout).not.toMatch(/error TS/);
    expect(result.status).toBe(0);
  });

  it('When the new modules\' tests and the schema-drift test run, then they pass', () => {
    const result = run(bin('vitest'), ['run', 'wares', 'orders', 'customers', 'schema-drift'], service);
    expect(strip(result.stdout)).toMatch(/Test Files\s+\d+ passed/);
    expect(strip(result.stdout)).not.toMatch(/failed/);
    expect(result.status).toBe(0);
  });
});
