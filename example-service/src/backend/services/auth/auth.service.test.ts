import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { Secret } from '../common/index.js';
import { buildAuthOnFakes } from './auth.fixtures.js';

const log = pino({ level: 'silent' });
const creds = (email = 'ann@example.com', password = 'correct horse battery') => ({ email, password: new Secret(password) });

describe('AuthService (core, on fakes of its ports)', () => {
  it('When a user registers, then the email is normalised, only the hash is stored and none is returned', async () => {
    const { service, users } = buildAuthOnFakes(log);
    const user = await service.register(creds('  Ann@Example.COM'));
    expect(user).toMatchObject({ id: 1, email: 'ann@example.com', roles: [] });
    expect(Object.keys(user)).not.toContain('passwordHash');
    expect((await users.findById(1))?.passwordHash.reveal()).toBe('hash:correct horse battery');
  });

  it('When the email is taken (in any case), then USER.CONFLICT', async () => {
    const { service } = buildAuthOnFakes(log);
    await service.register(creds());
    await expect(service.register(creds('ANN@example.com'))).rejects.toMatchObject({ code: 'USER.CONFLICT' });
  });

  it('When the password is wrong or the email unknown, then the same AUTH.UNAUTHENTICATED, and a password is verified both times', async () => {
    const { service, passwords } = buildAuthOnFakes(log);
    await service.register(creds());
    const wrong = await service.login(creds('ann@example.com', 'wrong password!!')).catch((e: Error) => e);
    const unknown = await service.login(creds('bob@example.com')).catch((e: Error) => e);
    expect(wrong).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    expect(unknown).toMatchObject({ code: 'AUTH.UNAUTHENTICATED', message: (wrong as Error).message });
    expect(passwords.verifyCalls).toBe(2);
  });

  it('When a user logs in, then the access token authenticates them and me answers their account', async () => {
    const { service } = buildAuthOnFakes(log);
    const { id } = await service.register(creds());
    const tokens = await service.login(creds());
    const actor = await service.authenticate(tokens.accessToken);
    expect(actor).toEqual({ userId: id, roles: [] });
    await expect(service.me(actor)).resolves.toMatchObject({ id, email: 'ann@example.com' });
  });

  it('When a refresh token is rotated, then the new one works once and the old one is spent', async () => {
    const { service } = buildAuthOnFakes(log);
    await service.register(creds());
    const first = await service.login(creds());
    const second = await service.refresh(first.refreshToken);
    expect(second.refreshToken.reveal()).not.toBe(first.refreshToken.reveal());
    await expect(service.authenticate(second.accessToken)).resolves.toMatchObject({ userId: 1 });
  });

  it('When a spent refresh token is presented again, then 401 and the whole family is revoked (newer token and access tokens too)', async () => {
    const { service } = buildAuthOnFakes(log);
    await service.register(creds());
    const first = await service.login(creds());
    const second = await service.refresh(first.refreshToken);
    await expect(service.refresh(first.refreshToken)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    await expect(service.refresh(second.refreshToken)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    await expect(service.authenticate(second.accessToken)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('When a user logs out, then that session is dead and another session of the same user lives on', async () => {
    const { service } = buildAuthOnFakes(log);
    await service.register(creds());
    const laptop = await service.login(creds());
    const phone = await service.login(creds());
    await service.logout(laptop.refreshToken);
    await expect(service.refresh(laptop.refreshToken)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    await expect(service.authenticate(laptop.accessToken)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    await expect(service.authenticate(phone.accessToken)).resolves.toMatchObject({ userId: 1 });
    await expect(service.logout(new Secret('never issued'))).resolves.toBeUndefined();
  });

  it('When a refresh token is past its lifetime, then 401', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const { service } = buildAuthOnFakes(log, () => clock);
    await service.register(creds());
    const tokens = await service.login(creds());
    clock = new Date(clock.getTime() + 3601 * 1000);
    await expect(service.refresh(tokens.refreshToken)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('When an access token fails verification, then authenticate refuses with AUTH.UNAUTHENTICATED', async () => {
    const { service, tokens } = buildAuthOnFakes(log);
    await service.register(creds());
    const { accessToken } = await service.login(creds());
    tokens.expire(accessToken.reveal());
    await expect(service.authenticate(accessToken)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });
});
