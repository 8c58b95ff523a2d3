import type { Tx } from '../database/db.js';

/** What a handler learns about the job it runs. */
export interface JobContext {
  id: string;
  name: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
  maxAttempts: number;
  /** Reports progress for `GET /api/jobs/{id}`. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler<T = any> = (data: T, ctx: JobContext) => Promise<unknown>;

export interface AddJobOptions {
  /** Idempotency: a second add with the same id is a no-op, even after the first one ran. Default: a random id. */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now (survives restarts). */
  delayMs?: number;
  /** Runs in all, first one included (default 5); retries back off exponentially. */
  attempts?: number;
  /** User who started the job: may read it through `GET /api/jobs/{id}`. */
  owner?: string;
  /** PostgreSQL driver only: enqueue inside the caller's transaction (the Redis driver ignores it). */
  tx?: Tx;
}

/** Internal states; `failed` = the last attempt failed and a retry is scheduled, `dead` = out of attempts. */
export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export interface JobInfo {
  id: string;
  name: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  progress: { done: number; total: number } | null;
  result: unknown;
  lastError: string | null;
  owner: string | null;
  runAt: string | null;
  createdAt: string | null;
}

/**
 * The one queue interface (DESIGN.md §5): BullMQ on Redis when REDIS_URL is set, PostgreSQL
 * (core.job) otherwise. Handlers are registered everywhere; only worker processes `start()` consuming
 * (a handler registered after `start()` is consumed from then on).
 */
export interface JobQueue {
  readonly driver: 'redis' | 'postgres';
  add<T>(name: string, data: T, options?: AddJobOptions): Promise<{ id: string }>;
  process<T>(name: string, handler: JobHandler<T>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  get(id: string): Promise<JobInfo | null>;
  list(state: JobState, limit: number): Promise<JobInfo[]>;
  /** Dead job → queued again with fresh attempts; false when it is not dead. */
  retry(id: string): Promise<boolean>;
  health(): Promise<'ok' | 'inline' | 'down'>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');

/** A failure no retry can fix (bad configuration, refused address): the job goes dead at once. */
export class PermanentJobError extends Error {}

/** The queue could not take the job (Redis unreachable): the caller keeps it and tries again later. */
export class QueueUnavailableError extends Error {}
