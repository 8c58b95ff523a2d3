import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config.js';
import { loadJobsSettings } from './jobs-settings.js';

describe('loadJobsSettings', () => {
  it('has defaults', () => {
    expect(loadJobsSettings({})).toEqual({ redisPrefix: 'loom', leaseMs: 30_000, backoffMs: 5_000, concurrency: 4, pollMs: 500 });
  });
  it.each([
    ['LOOM_JOB_LEASE_MS', '10'], ['LOOM_JOB_CONCURRENCY', '0'], ['LOOM_JOB_POLL_MS', 'fast'], ['LOOM_REDIS_PREFIX', 'a:b'],
  ])('refuses %s=%s naming it', (name, value) => {
    expect(() => loadJobsSettings({ [name]: value })).toThrow(ConfigError);
    expect(() => loadJobsSettings({ [name]: value })).toThrow(name);
  });
});
