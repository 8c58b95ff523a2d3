import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AutomationDef, ConditionJson } from '@loom/metadata';
import { ProblemError } from '../../common/problem.js';
import { Db, type Tx } from '../../database/db.js';
import { JOB_QUEUE, QueueUnavailableError, type JobQueue } from '../../jobs/job-queue.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { QueryError } from '../../query/index.js';
import { AUTOMATION_SETTINGS, type AutomationSettings } from '../automation-settings.js';
import { AutomationRecords, type AnyRecord } from '../records/automation-records.service.js';
import { automationsFiredBy } from './match-trigger.js';
import { AUTOMATION_RUN, type AutomationRunJob, type OutboxEvent } from './outbox-event.js';

const BATCH = 100;
const MAX_IDLE_BACKOFF_MS = 10_000;

interface OutboxRow {
  id: string; event_id: string; type: string; object: string | null; record_id: string | null;
  payload: OutboxEvent['payload']; actor: string | null; depth: number; created_at: Date;
}

/**
 * Moves core.outbox events to the job queue: one `automation.run` job per (event, automation whose
 * trigger fires), job id `<event id>:<automation>` so a redelivered event never runs twice, then
 * marks the batch dispatched — all in one transaction that holds the rows FOR UPDATE SKIP LOCKED,
 * so several workers share the work. When the queue is unreachable the batch stays in the outbox
 * (writes keep succeeding) and is delivered once it is back.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger('outbox');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly db: Db,
    private readonly registry: MetadataRegistry,
    private readonly records: AutomationRecords,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(AUTOMATION_SETTINGS) private readonly settings: AutomationSettings,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.drain().then((more) => {
        this.failures = 0;
        this.schedule(more ? 0 : this.settings.outboxPollMs);
      }, (e: unknown) => {
        this.failures++;
        const wait = Math.min(MAX_IDLE_BACKOFF_MS, this.settings.outboxPollMs * 2 ** Math.min(this.failures, 6));
        if (this.failures === 1 || !(e instanceof QueueUnavailableError)) {
          this.logger.warn({ msg: 'outbox dispatch failed; events stay queued in PostgreSQL', err: e instanceof Error ? e.message : String(e), retryInMs: wait });
        }
        this.schedule(wait);
      });
    }, ms);
  }

  /** One batch; true when there may be more. */
  async drain(): Promise<boolean> {
    if (!this.registry.loaded) return false;
    return this.db.tx(async (tx) => {
      const rows = await tx.query<OutboxRow>(
        `SELECT id::text, event_id::text, type, object, record_id::text, payload, actor::text, depth, created_at
           FROM core.outbox WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`);
      if (!rows.length) return false;
      for (const row of rows) await this.dispatchOrSkip(tx, toEvent(row));
      await tx.query(`UPDATE core.outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      return rows.length === BATCH;
    });
  }

  /**
   * One event under a savepoint: an event that can never be dispatched (its object was archived, its
   * condition no longer compiles) is logged and passed over instead of blocking every later one.
   * Anything else — the queue or the database away — rolls the batch back to be tried again.
   */
  private async dispatchOrSkip(tx: Tx, event: OutboxEvent): Promise<void> {
    // most events fire nothing (an import writes one per row): those cost no round trip
    if (!event.object || !event.recordId) return;
    const fired = automationsFiredBy(event, this.registry.current().set);
    if (!fired.length) return;
    await tx.query('SAVEPOINT outbox_event');
    try {
      await this.dispatch(tx, { ...event, object: event.object, recordId: event.recordId }, fired);
      await tx.query('RELEASE SAVEPOINT outbox_event');
    } catch (e) {
      const status = e instanceof ProblemError || e instanceof QueryError ? e.status : 0;
      if (status < 400 || status >= 500) throw e;
      await tx.query('ROLLBACK TO SAVEPOINT outbox_event');
      this.logger.warn({ msg: 'outbox event cannot be dispatched; skipped', event: event.eventId, type: event.type, object: event.object, err: e instanceof Error ? e.message : String(e) });
    }
  }

  private async dispatch(tx: Tx, event: OutboxEvent & { object: string; recordId: string }, fired: AutomationDef[]): Promise<void> {
    const deleted = event.type === 'record.deleted';
    const at = new Date(event.createdAt);
    const record = fired.some((d) => 'where' in d.trigger && d.trigger.where)
      ? await this.records.read(tx, event.object, event.recordId, { deleted, userId: event.actor, now: at })
      : null;
    for (const def of fired) {
      const where = 'where' in def.trigger ? def.trigger.where : undefined;
      if (where && !(await this.whereHolds(tx, def.name, event, record, where, at))) continue;
      const job: AutomationRunJob = {
        automation: def.name, eventId: event.eventId, event: event.type, object: event.object, recordId: event.recordId,
        ...(event.payload.changes && event.type === 'record.updated' ? { changes: event.payload.changes } : {}),
        ...(event.type.startsWith('record.') ? {} : { data: event.payload }),
        actor: event.actor, depth: event.depth, at: at.toISOString(),
      };
      await this.queue.add(AUTOMATION_RUN, job, { jobId: `${event.eventId}:${def.name}`, attempts: 5, tx });
    }
  }

  /** A condition that no longer parses (a field was removed) skips that automation; it never blocks the outbox. */
  private async whereHolds(tx: Tx, automation: string, event: OutboxEvent, record: AnyRecord | null, where: ConditionJson, at: Date): Promise<boolean> {
    if (!record) return false;
    try {
      return await this.records.matches(tx, event.object!, record, where, { userId: event.actor, now: at, deleted: event.type === 'record.deleted' });
    } catch (e) {
      if (!(e instanceof ProblemError) || e.status !== 422) throw e;
      this.logger.warn({ msg: 'automation condition is invalid; skipped', automation, event: event.eventId, errors: e.body.errors });
      return false;
    }
  }
}

function toEvent(row: OutboxRow): OutboxEvent {
  return {
    id: row.id, eventId: row.event_id, type: row.type, object: row.object, recordId: row.record_id, payload: row.payload ?? {},
    actor: row.actor, depth: row.depth, createdAt: new Date(row.created_at).toISOString(),
  };
}
