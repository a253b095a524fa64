import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('When nothing is set, then development defaults apply: port 3000, embedded DB, debug logs', () => {
    expect(loadConfig({})).toMatchObject({
      env: 'development', port: 3000, databaseUrl: undefined, logLevel: 'debug', prettyLogs: true, migrateOnStart: true,
    });
  });
  it('When NODE_ENV is production, then JSON logs at info and no migration on start; LOG_LEVEL overrides', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ logLevel: 'info', prettyLogs: false, migrateOnStart: false });
    expect(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
  });
  it('When HOST is unset, then development and test bind loopback and production every interface; HOST overrides', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', HOST: '::1' }).host).toBe('::1');
  });
  it('When values are bad, then it throws naming each variable and never echoing a value', () => {
    const secret = 'mysql://admin:hunter2@db/x';
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: secret, LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).not.toContain('hunter2');
  });
});
