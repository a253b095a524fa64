import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Secret } from '../common/index.js';
import { normaliseEmail, toPublicUser } from './users.entity.js';
import { createInMemoryUsersRepository } from './users.memory-repository.js';

const log = pino({ level: 'silent' });

describe('users (core)', () => {
  it('When an email differs only in case, spaces or Unicode form, then it normalises to one address', () => {
    expect(normaliseEmail('  Ann@Example.COM ')).toBe('ann@example.com');
    expect(normaliseEmail('Zo\u0065\u0301@x.io')).toBe(normaliseEmail('zo\u00e9@x.io'));
  });

  it('When a second user takes the same email, then USER.CONFLICT', async () => {
    const repo = createInMemoryUsersRepository(log);
    await repo.create({ email: 'a@x.io', passwordHash: new Secret('h') });
    await expect(repo.create({ email: 'a@x.io', passwordHash: new Secret('h2') })).rejects.toMatchObject({ code: 'USER.CONFLICT' });
  });

  it('When a user is made public, then the password hash is gone and JSON never shows it', async () => {
    const repo = createInMemoryUsersRepository(log);
    const user = await repo.create({ email: 'b@x.io', passwordHash: new Secret('$argon2id$hash') });
    expect(Object.keys(toPublicUser(user))).not.toContain('passwordHash');
    expect(JSON.stringify(user)).not.toContain('argon2id');
    await expect(repo.findByEmail('b@x.io')).resolves.toMatchObject({ id: user.id });
  });
});
