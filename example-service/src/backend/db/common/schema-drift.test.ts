import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from './migrator.js';
import { diffDatabaseAgainstSchema, normaliseDiffScript, readSchemaFiles } from './schema-drift.js';
import { SERVICE_MIGRATIONS_DIR } from './testing.js';
import { captureLog, cleanupTempDirs, tempDir, TARGETS, writeMigrations } from './test-support.js';

afterAll(cleanupTempDirs);

const SERVICE_SCHEMA_DIR = fileURLToPath(new URL('..', import.meta.url));

const BASE_SCHEMA = `generator client {
  provider = "prisma-client"
  output   = "../generated/prisma"
}

datasource db {
  provider = "postgresql"
}
`;
const INVOICE_MODEL = `model Invoice {
  id        Int       @id @default(autoincrement())
  number    String    @unique @db.VarChar(255)
  total     Decimal   @db.Decimal(12, 2)
  dueAt     DateTime? @map("due_at")
  createdAt DateTime  @default(now())
  updatedAt DateTime  @updatedAt

  @@map("invoices")
}
`;
// Exactly what the engine's createMigration (`prisma migrate dev`) writes for INVOICE_MODEL.
const INVOICE_MIGRATION = `-- CreateTable
CREATE TABLE "invoices" (
    "id" SERIAL NOT NULL,
    "number" VARCHAR(255) NOT NULL,
    "total" DECIMAL(12,2) NOT NULL,
    "due_at" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");
`;
const CUSTOMER_MODEL = `model Customer {
  id    Int    @id @default(autoincrement())
  email String @unique

  @@map("customers")
}
`;

/** A schema folder laid out like the service: base file + one sub-folder per module. */
async function writeSchema(modules: Record<string, string>): Promise<string> {
  const dir = await tempDir('schema');
  await writeFile(path.join(dir, 'schema.prisma'), BASE_SCHEMA);
  for (const [name, model] of Object.entries(modules)) {
    await mkdir(path.join(dir, name), { recursive: true });
    await writeFile(path.join(dir, name, `${path.basename(name)}.prisma`), model);
  }
  return dir;
}

describe.each(TARGETS)('diffDatabaseAgainstSchema on $name', ({ open }) => {
  it('When the migrations produce the schema, then the diff is empty; when a model is missing, it is not', async () => {
    const db = await open();
    try {
      const { log, text } = captureLog();
      await applyMigrations({ url: db.url, migrationsDir: await writeMigrations({ '20260101000000_invoices': INVOICE_MIGRATION }), log });
      const inSync = await writeSchema({ invoices: INVOICE_MODEL });
      const ahead = await writeSchema({ invoices: INVOICE_MODEL, customers: CUSTOMER_MODEL });

      expect(await diffDatabaseAgainstSchema({ url: db.url, schemaDir: inSync, log })).toBe('');
      const missing = await diffDatabaseAgainstSchema({ url: db.url, schemaDir: ahead, log });
      expect(missing).toContain('CREATE TABLE "customers"');
      expect(missing).toContain('CREATE UNIQUE INDEX "customers_email_key"');
      expect(text()).not.toContain('schema comparison failed');
    } finally {
      await db.close();
    }
  });

  it('When the database has a table the schema lacks, then the diff drops it', async () => {
    const db = await open();
    try {
      const { log } = captureLog('silent');
      await applyMigrations({ url: db.url, migrationsDir: await writeMigrations({ '20260101000000_invoices': INVOICE_MIGRATION }), log });
      const client = new pg.Client(db.url);
      await client.connect();
      await client.query('CREATE TABLE "stray" ("id" INT PRIMARY KEY)');
      await client.end();

      const script = await diffDatabaseAgainstSchema({ url: db.url, schemaDir: await writeSchema({ invoices: INVOICE_MODEL }) });
      expect(script).toContain('DROP TABLE "stray"');
    } finally {
      await db.close();
    }
  });
});

describe('the service schema', () => {
  it('When the committed migrations are applied to an empty database, then it matches src/backend/db/**/*.prisma', async () => {
    const db = await TARGETS[0]!.open();
    try {
      const { log } = captureLog('silent');
      await applyMigrations({ url: db.url, migrationsDir: SERVICE_MIGRATIONS_DIR, log });
      expect(await diffDatabaseAgainstSchema({ url: db.url, schemaDir: SERVICE_SCHEMA_DIR, log })).toBe('');
    } finally {
      await db.close();
    }
  });
});

describe('readSchemaFiles', () => {
  it('When modules sit in nested folders, then every .prisma file is found and nothing else', async () => {
    const dir = await writeSchema({ invoices: INVOICE_MODEL, 'sales/customers': CUSTOMER_MODEL });
    await writeFile(path.join(dir, 'README.md'), '# not a schema');
    const files = await readSchemaFiles(dir);

    expect(files.map((f) => path.relative(dir, f.path))).toEqual([
      'invoices/invoices.prisma',
      'sales/customers/customers.prisma',
      'schema.prisma',
    ]);
  });
});

describe('normaliseDiffScript', () => {
  it.each([
    ['', ''],
    ['-- This is an empty migration.', ''],
    ['\n  -- only a comment\n\n', ''],
    ['-- CreateTable\nCREATE TABLE "x" ();\n', '-- CreateTable\nCREATE TABLE "x" ();\n'],
  ])('When the engine prints %j, then it returns %j', (input, expected) => {
    expect(normaliseDiffScript(input)).toBe(expected);
  });
});
