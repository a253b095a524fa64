import { defineConfig } from 'prisma/config';

/**
 * Prisma CLI configuration.
 * - schema: the folder searched recursively for *.prisma files (base file + one file per module).
 * - migrations: Prisma's standard layout, applied in process by src/backend/db/common/migrator.ts.
 * - datasource.url: read from DATABASE_URL without `env()`, so `prisma generate` works when it is unset.
 */
export default defineConfig({
  schema: 'src/backend/db',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL },
});
