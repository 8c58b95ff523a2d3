import { ConfigError, intIn as int } from '../config/config.js';

export interface JobsSettings {
  /** How long a claimed job stays owned without a heartbeat (a killed worker's job is retried after it). */
  leaseMs: number;
  /** First retry delay; later ones double. */
  backoffMs: number;
  /** Jobs run at once per worker process. */
  concurrency: number;
  /** PostgreSQL driver: how often an idle worker looks for work. */
  pollMs: number;
  /** Redis key prefix of the BullMQ queues: installations sharing one Redis need their own. */
  redisPrefix: string;
}

/** LOOM_JOB_LEASE_MS, LOOM_JOB_BACKOFF_MS, LOOM_JOB_CONCURRENCY, LOOM_JOB_POLL_MS, LOOM_REDIS_PREFIX; throws ConfigError naming a bad one. */
export function loadJobsSettings(env: NodeJS.ProcessEnv = process.env): JobsSettings {
  const redisPrefix = env.LOOM_REDIS_PREFIX || 'loom';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(redisPrefix)) throw new ConfigError(`LOOM_REDIS_PREFIX must be 1-64 letters, digits, _ or -, got "${redisPrefix}"`);
  return {
    redisPrefix,
    leaseMs: int(env, 'LOOM_JOB_LEASE_MS', 30_000, 1000, 3_600_000),
    backoffMs: int(env, 'LOOM_JOB_BACKOFF_MS', 5_000, 10, 3_600_000),
    concurrency: int(env, 'LOOM_JOB_CONCURRENCY', 4, 1, 64),
    pollMs: int(env, 'LOOM_JOB_POLL_MS', 500, 20, 60_000),
  };
}

export const JOBS_SETTINGS = Symbol('JOBS_SETTINGS');
