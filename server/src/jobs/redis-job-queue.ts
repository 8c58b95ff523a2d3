import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker, type Job, type JobType } from 'bullmq';
import { Redis } from 'ioredis';
import { decodeBullJobId, encodeBullJobId } from './bull-job-id.js';
import { PermanentJobError, QueueUnavailableError, type AddJobOptions, type JobHandler, type JobInfo, type JobQueue, type JobState } from './job-queue.js';
import type { JobsSettings } from './jobs-settings.js';
import { queueOf } from './postgres-job-queue.js';

interface Envelope {
  data: unknown;
  owner: string | null;
}

const ADD_TIMEOUT_MS = 5_000;
const KEEP_DONE_SECONDS = 7 * 24 * 3600;

const STATE_TYPES: Record<JobState, JobType[]> = {
  queued: ['waiting', 'prioritized', 'waiting-children'],
  running: ['active'],
  done: ['completed'],
  failed: ['delayed'],
  dead: ['failed'],
};

/**
 * BullMQ on Redis: one BullMQ queue per job group (`automation.run` → queue `automation` under LOOM_REDIS_PREFIX),
 * exponential backoff, completed jobs kept 7 days so a re-added job id stays a no-op.
 * Producers fail fast while Redis is away (callers keep their work and try again).
 */
export class RedisJobQueue implements JobQueue {
  readonly driver = 'redis' as const;
  private readonly logger = new Logger('jobs');
  private readonly producer: Redis;
  private readonly queues = new Map<string, Queue>();
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workers = new Map<string, Worker>();
  private started = false;
  private readonly workerConnections: Redis[] = [];

  constructor(private readonly url: string, private readonly settings: JobsSettings) {
    this.producer = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false });
    this.producer.on('error', () => undefined); // reconnects by itself; health() reports it
  }

  private queue(group: string): Queue {
    let q = this.queues.get(group);
    if (!q) {
      q = new Queue(group, { connection: this.producer, prefix: this.settings.redisPrefix });
      q.on('error', () => undefined);
      this.queues.set(group, q);
    }
    return q;
  }

  async add<T>(name: string, data: T, options: AddJobOptions = {}): Promise<{ id: string }> {
    if (this.producer.status !== 'ready') throw new QueueUnavailableError(`Redis is not reachable (${this.producer.status})`);
    const id = options.jobId ?? randomUUID();
    const envelope: Envelope = { data, owner: options.owner ?? null };
    const adding = this.queue(queueOf(name)).add(name, envelope, {
      jobId: encodeBullJobId(id),
      delay: options.delayMs && options.delayMs > 0 ? options.delayMs : undefined,
      attempts: options.attempts ?? 5,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: { age: KEEP_DONE_SECONDS },
      removeOnFail: false,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError('Redis did not answer in time')), ADD_TIMEOUT_MS);
    });
    try {
      await Promise.race([adding, timeout]);
    } catch (e) {
      throw e instanceof QueueUnavailableError ? e : new QueueUnavailableError(e instanceof Error ? e.message : String(e));
    } finally {
      clearTimeout(timer);
    }
    return { id };
  }

  process<T>(name: string, handler: JobHandler<T>): void {
    this.handlers.set(name, handler as JobHandler);
    this.queue(queueOf(name));
    if (this.started) this.ensureWorker(queueOf(name));
  }

  /** Consumers for every group with a handler; a handler registered later gets its worker then. */
  async start(): Promise<void> {
    this.started = true;
    for (const group of new Set([...this.handlers.keys()].map(queueOf))) this.ensureWorker(group);
  }

  private ensureWorker(group: string): void {
    if (this.workers.has(group)) return;
    const connection = new Redis(this.url, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    this.workerConnections.push(connection);
    const worker = new Worker(group, (job) => this.run(job), {
      connection,
      prefix: this.settings.redisPrefix,
      concurrency: this.settings.concurrency,
      lockDuration: this.settings.leaseMs,
      stalledInterval: this.settings.leaseMs,
      maxStalledCount: 2,
    });
    worker.on('error', (e) => this.logger.warn({ msg: 'job worker error', queue: group, err: String(e) }));
    worker.on('failed', (job, e) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) this.logger.warn({ msg: 'job dead', job: decodeBullJobId(job.id ?? ''), name: job.name, err: e.message });
    });
    this.workers.set(group, worker);
  }

  async stop(): Promise<void> {
    this.started = false;
    await Promise.allSettled([...this.workers.values()].map((w) => w.close()));
    this.workers.clear();
    for (const c of this.workerConnections.splice(0)) c.disconnect();
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.producer.disconnect();
  }

  private async run(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new UnrecoverableError(`no handler for ${job.name}`);
    const envelope = job.data as Envelope;
    try {
      return await handler(envelope.data, {
        id: decodeBullJobId(job.id ?? ''), name: job.name, attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1,
        progress: (done, total) => job.updateProgress({ done, total }),
      });
    } catch (e) {
      if (e instanceof PermanentJobError) throw new UnrecoverableError(e.message);
      throw e;
    }
  }

  async get(id: string): Promise<JobInfo | null> {
    for (const q of this.queues.values()) {
      const job = await q.getJob(encodeBullJobId(id));
      if (job) return toInfo(job, await job.getState());
    }
    return null;
  }

  async list(state: JobState, limit: number): Promise<JobInfo[]> {
    const out: JobInfo[] = [];
    for (const q of this.queues.values()) {
      const jobs = await q.getJobs(STATE_TYPES[state], 0, limit - 1, false);
      for (const job of jobs) {
        const info = toInfo(job, STATE_TYPES[state][0]);
        if (state === 'failed' && !info.attempts) continue; // a delayed first run is queued, not failed
        out.push(info);
      }
    }
    return out.slice(0, limit);
  }

  async retry(id: string): Promise<boolean> {
    for (const q of this.queues.values()) {
      const job = await q.getJob(encodeBullJobId(id));
      if (!job) continue;
      if ((await job.getState()) !== 'failed') return false;
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    }
    return false;
  }

  async health(): Promise<'ok' | 'down'> {
    return this.producer.status === 'ready' ? 'ok' : 'down';
  }
}

function toInfo(job: Job, bullState: string): JobInfo {
  const envelope = (job.data ?? {}) as Envelope;
  const attempts = job.attemptsMade ?? 0;
  const progress = job.progress && typeof job.progress === 'object' ? job.progress as { done: number; total: number } : null;
  return {
    id: decodeBullJobId(job.id ?? ''), name: job.name, state: stateOf(bullState, attempts), attempts, maxAttempts: job.opts.attempts ?? 1,
    progress, result: job.returnvalue ?? null, lastError: job.failedReason || null, owner: envelope.owner ?? null,
    runAt: new Date(job.timestamp + (job.opts.delay ?? 0)).toISOString(), createdAt: new Date(job.timestamp).toISOString(),
  };
}

function stateOf(bullState: string, attempts: number): JobState {
  switch (bullState) {
    case 'active': return 'running';
    case 'completed': return 'done';
    case 'failed': return 'dead';
    case 'delayed': return attempts > 0 ? 'failed' : 'queued';
    default: return 'queued';
  }
}
