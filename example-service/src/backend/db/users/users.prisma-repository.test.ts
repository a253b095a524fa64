import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../services/common/index.js';
import type { UsersRepository } from '../../services/users/index.js';
import { openTestDatabase, type TestDatabase } from '../common/index.js';
import { createUsersPrismaRepository } from './users.prisma-repository.js';

const log = pino({ level: 'silent' });

describe('UsersPrismaRepository (PostgreSQL: embedded PGlite, or DATABASE_URL when set)', () => {
  let db: TestDatabase;
  let repo: UsersRepository;
  beforeAll(async () => {
    db = await openTestDatabase();
    repo = createUsersPrismaRepository(db.prisma, log);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('When a user is created, then it is found by email and by id with its hash and roles', async () => {
    const created = await repo.create({ email: 'db-user@example.com', passwordHash: new Secret('$argon2id$v=19$stub'), roles: ['admin'] });
    expect(created).toMatchObject({ email: 'db-user@example.com', roles: ['admin'] });
    expect((await repo.findByEmail('db-user@example.com'))?.passwordHash.reveal()).toBe('$argon2id$v=19$stub');
    await expect(repo.findById(created.id)).resolves.toMatchObject({ id: created.id });
    await expect(repo.findByEmail('nobody@example.com')).resolves.toBeNull();
  });

  it('When the email is taken, then the unique index answers USER.CONFLICT', async () => {
    await repo.create({ email: 'twice@example.com', passwordHash: new Secret('h') });
    await expect(repo.create({ email: 'twice@example.com', passwordHash: new Secret('h') })).rejects.toMatchObject({ code: 'USER.CONFLICT' });
  });
});
