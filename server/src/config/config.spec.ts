import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.dataDir.endsWith('.loom')).toBe(true);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must use postgres:/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL must be a URL/],
    [{ REDIS_URL: 'http://x' }, /REDIS_URL must use redis:/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ LOOM_JWT_SECRET: 'short' }, /LOOM_JWT_SECRET must be at least 32/],
    [{ LOOM_ADMIN_EMAIL: 'nope' }, /LOOM_ADMIN_EMAIL must be an email/],
    [{ LOOM_ADMIN_PASSWORD: '123' }, /LOOM_ADMIN_PASSWORD must be at least 8/],
    [{ LOOM_ROLE: 'boss' }, /LOOM_ROLE must be one of/],
  ])('refuses %j with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a full valid environment', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u@h:5432/db', REDIS_URL: 'redis://h:6379', LOG_LEVEL: 'debug' });
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u@h:5432/db', redisUrl: 'redis://h:6379', logLevel: 'debug' });
  });
});
