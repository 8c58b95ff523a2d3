import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Logger } from '@nestjs/common';
import type { Db } from '../database/db.js';
import { backoffDelayMs } from './job-backoff.js';
import { PermanentJobError, type AddJobOptions, type JobHandler, type JobInfo, type JobQueue, type JobState } from './job-queue.js';
import type { JobsSettings } from './jobs-settings.js';

interface JobRow {
  id: string; name: string; data: unknown; status: JobState; attempts: number; max_attempts: number; progress: JobInfo['progress'];
  result: unknown; last_error: string | null; owner: string | null; run_at: Date | null; created_at: Date | null;
}

const PRUNE_EVERY_MS = 10 * 60_000;
const COLUMNS = `id, name, data, status, attempts, max_attempts, progress, result, last_error, owner, run_at, created_at`;

/**
 * Jobs in core.job, run in this process: workers claim one row at a time with
 * `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED)` and keep a lease alive with a heartbeat;
 * a job whose worker died is claimed again once its lease runs out.
 */
export class PostgresJobQueue implements JobQueue {
  readonly driver = 'postgres' as const;
  private readonly logger = new Logger('jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopped = true;
  private polling = false;
  private prunedAt = 0;

  constructor(private readonly db: Db, private readonly settings: JobsSettings) {}

  async add<T>(name: string, data: T, options: AddJobOptions = {}): Promise<{ id: string }> {
    const id = options.jobId ?? randomUUID();
    const sql = `INSERT INTO core.job (id, queue, name, data, run_at, max_attempts, owner)
      VALUES ($1, $2, $3, $4, now() + $5 * interval '1 millisecond', $6, $7) ON CONFLICT (id) DO NOTHING`;
    const params = [id, queueOf(name), name, JSON.stringify(data ?? null), options.delayMs ?? 0, options.attempts ?? 5, options.owner ?? null];
    await (options.tx ? options.tx.query(sql, params) : this.db.query(sql, params));
    if (!options.tx && !options.delayMs && !this.stopped) setImmediate(() => void this.poll());
    return { id };
  }

  process<T>(name: string, handler: JobHandler<T>): void {
    this.handlers.set(name, handler as JobHandler);
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.poll(), this.settings.pollMs);
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(250, Math.floor(this.settings.leaseMs / 3)));
    void this.poll();
  }

  /** Stops claiming, waits for running jobs (up to 10 s); unfinished ones are retried after their lease. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const wait = Promise.allSettled([...this.running.values()]);
    await Promise.race([wait, new Promise((r) => setTimeout(r, 10_000).unref())]);
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  async get(id: string): Promise<JobInfo | null> {
    const [row] = await this.db.query<JobRow>(`SELECT ${COLUMNS} FROM core.job WHERE id = $1`, [id]);
    return row ? toInfo(row) : null;
  }

  async list(state: JobState, limit: number): Promise<JobInfo[]> {
    const rows = await this.db.query<JobRow>(`SELECT ${COLUMNS} FROM core.job WHERE status = $1 ORDER BY updated_at DESC, id LIMIT $2`, [state, limit]);
    return rows.map(toInfo);
  }

  async retry(id: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE core.job SET status = 'queued', attempts = 0, run_at = now(), updated_at = now(), finished_at = NULL WHERE id = $1 AND status = 'dead' RETURNING id`, [id]);
    if (rows.length && !this.stopped) setImmediate(() => void this.poll());
    return rows.length > 0;
  }

  async health(): Promise<'inline'> {
    return 'inline';
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.polling) return;
    this.polling = true;
    try {
      await this.buryAbandoned();
      await this.pruneFinished();
      while (!this.stopped && this.running.size < this.settings.concurrency) {
        const job = await this.claim();
        if (!job) break;
        const run = this.run(job).finally(() => this.running.delete(job.id));
        this.running.set(job.id, run);
      }
    } catch (e) {
      this.logger.warn({ msg: 'job poll failed', err: String(e) });
    } finally {
      this.polling = false;
    }
  }

  private async claim(): Promise<JobRow | null> {
    const names = [...this.handlers.keys()];
    if (!names.length) return null;
    const [row] = await this.db.query<JobRow>(
      `UPDATE core.job SET status = 'running', attempts = attempts + 1, locked_by = $1, locked_until = now() + $2 * interval '1 millisecond', updated_at = now()
        WHERE id = (SELECT id FROM core.job
                     WHERE name = ANY($3) AND ((status IN ('queued', 'failed') AND run_at <= now()) OR (status = 'running' AND locked_until < now()))
                     ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [this.workerId, this.settings.leaseMs, names],
    );
    return row ?? null;
  }

  /** A job whose worker died on its last attempt is not claimed again: it is dead. */
  private async buryAbandoned(): Promise<void> {
    await this.db.query(
      `UPDATE core.job SET status = 'dead', locked_by = NULL, locked_until = NULL, updated_at = now(), finished_at = now(),
              last_error = coalesce(last_error || '; ', '') || 'the worker stopped during the last attempt'
        WHERE status = 'running' AND locked_until < now() AND attempts >= max_attempts`);
  }

  /** Finished jobs are kept a week (their ids keep re-adds no-ops meanwhile), then deleted; dead ones stay. */
  private async pruneFinished(): Promise<void> {
    if (Date.now() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = Date.now();
    await this.db.query(`DELETE FROM core.job WHERE status = 'done' AND finished_at < now() - interval '7 days'`);
  }

  private async renewLeases(): Promise<void> {
    if (!this.running.size) return;
    await this.db.query(
      `UPDATE core.job SET locked_until = now() + $2 * interval '1 millisecond' WHERE id = ANY($1) AND locked_by = $3 AND status = 'running'`,
      [[...this.running.keys()], this.settings.leaseMs, this.workerId],
    ).catch((e) => this.logger.warn({ msg: 'job lease renewal failed', err: String(e) }));
  }

  private async run(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    const ctx = {
      id: job.id, name: job.name, attempt: job.attempts, maxAttempts: job.max_attempts,
      progress: async (done: number, total: number) => {
        await this.db.query(`UPDATE core.job SET progress = $2 WHERE id = $1`, [job.id, JSON.stringify({ done, total })]);
      },
    };
    try {
      const result = await handler(job.data, ctx);
      await this.finish(job.id, `status = 'done', result = $3, finished_at = now()`, [JSON.stringify(result ?? null)]);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const dead = e instanceof PermanentJobError || job.attempts >= job.max_attempts;
      if (dead) {
        this.logger.warn({ msg: 'job dead', job: job.id, name: job.name, attempts: job.attempts, err: message });
        await this.finish(job.id, `status = 'dead', last_error = $3, finished_at = now()`, [message]);
      } else {
        const delay = backoffDelayMs(job.attempts, this.settings.backoffMs);
        await this.finish(job.id, `status = 'failed', last_error = $3, run_at = now() + $4 * interval '1 millisecond'`, [message, delay]);
      }
    }
  }

  /** Guarded by the lease: a worker that lost its job to another never overwrites that one's outcome. */
  private async finish(id: string, sets: string, params: unknown[]): Promise<void> {
    await this.db.query(
      `UPDATE core.job SET ${sets}, locked_by = NULL, locked_until = NULL, updated_at = now() WHERE id = $1 AND locked_by = $2 AND status = 'running'`,
      [id, this.workerId, ...params],
    ).catch((e) => this.logger.error({ msg: 'job outcome not saved; it will run again after its lease', job: id, err: String(e) }));
  }
}

/** `automation.run` → queue `automation`. */
export function queueOf(name: string): string {
  return name.split('.')[0];
}

function toInfo(row: JobRow): JobInfo {
  return {
    id: row.id, name: row.name, state: row.status, attempts: row.attempts, maxAttempts: row.max_attempts, progress: row.progress ?? null,
    result: row.result ?? null, lastError: row.last_error, owner: row.owner, runAt: row.run_at ? new Date(row.run_at).toISOString() : null,
    createdAt: row.created_at ? new Date(row.created_at).toISOString() : null,
  };
}
