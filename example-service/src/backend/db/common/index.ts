export { openDatabase, type Database, type OpenDatabaseOptions } from './database.js';
export { startEmbeddedPostgres, type EmbeddedPostgres, type EmbeddedPostgresOptions } from './embedded-postgres.js';
export { applyMigrations, readMigrationsList, MigrationError, type ApplyMigrationsOptions } from './migrator.js';
export { DatabaseUnavailableError, ensureDatabaseExists, dropDatabase } from './postgres-admin.js';
export { createPrismaClient, PrismaClient, type PrismaClientOptions } from './prisma-client.js';
export { diffDatabaseAgainstSchema, readSchemaFiles, type DiffOptions } from './schema-drift.js';
export { openTestDatabase, SERVICE_MIGRATIONS_DIR, type TestDatabase, type TestDatabaseOptions } from './testing.js';
export { describeDatabaseUrl } from './db-logging.js';
export { isPrismaError } from './prisma-errors.js';
