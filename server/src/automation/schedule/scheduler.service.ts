import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isDateTrigger, isScheduleTrigger, type AutomationDef, type ConditionJson } from '@loom/metadata';
import { Db } from '../../database/db.js';
import { JOB_QUEUE, type JobQueue } from '../../jobs/job-queue.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { compileSelect, queryContext, readPage, type SelectRow } from '../../query/index.js';
import { AUTOMATION_SETTINGS, type AutomationSettings } from '../automation-settings.js';
import { AUTOMATION_RUN, AUTOMATION_SCHEDULE, type AutomationRunJob } from '../outbox/outbox-event.js';
import { AutomationRecords } from '../records/automation-records.service.js';
import { cronOccurrences } from './cron-occurrences.js';
import { dateTriggerCondition, dateTriggerCron } from './date-trigger.js';

export interface ScheduleOccurrence {
  automation: string;
  /** The scheduled minute, ISO. */
  at: string;
}

const CHECKED_KEY = 'automation.scheduler.checked_until';
const LOOKAHEAD_MS = 60_000;
const MAX_CATCH_UP_MS = 24 * 3600_000;
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * Schedules and date triggers. A tick (every 30 s in workers) enqueues each occurrence of the next
 * minute as a delayed `automation.schedule` job with id `schedule:<automation>:<minute>`, so ticks
 * on several workers — or a repeated tick — enqueue it once; missed minutes (up to a day) are caught
 * up after a restart. The occurrence job then enqueues one `automation.run` per matching record.
 */
@Injectable()
export class Scheduler {
  private readonly logger = new Logger('scheduler');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly registry: MetadataRegistry,
    private readonly records: AutomationRecords,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(AUTOMATION_SETTINGS) private readonly settings: AutomationSettings,
  ) {}

  start(): void {
    if (this.timer) return;
    const tick = () => void this.tick().catch((e) => this.logger.warn({ msg: 'schedule tick failed', err: e instanceof Error ? e.message : String(e) }));
    this.timer = setInterval(tick, this.settings.scheduleTickMs);
    tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Enqueues the occurrences in (from, to]; without a window: from now (or the last tick after a stop) to a minute ahead. */
  async tick(now = new Date(), window?: { from: Date; to: Date }): Promise<ScheduleOccurrence[]> {
    if (!this.registry.loaded) return [];
    const from = window?.from ?? await this.windowStart(now);
    const to = window?.to ?? new Date(now.getTime() + LOOKAHEAD_MS);
    const out: ScheduleOccurrence[] = [];
    for (const def of timedAutomations(this.registry.current().set.automations)) {
      for (const at of cronOccurrences(cronOf(def), from, to, 200)) {
        const occurrence = { automation: def.name, at: at.toISOString() };
        await this.queue.add(AUTOMATION_SCHEDULE, occurrence, { jobId: `schedule:${def.name}:${occurrence.at}`, delayMs: Math.max(0, at.getTime() - Date.now()), attempts: 5 });
        out.push(occurrence);
      }
    }
    if (!window) {
      await this.db.query(
        `INSERT INTO core.setting (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO UPDATE
           SET value = to_jsonb(greatest(core.setting.value #>> '{}', $2::text))`, [CHECKED_KEY, to.toISOString()]);
    }
    return out;
  }

  /** Handler of `automation.schedule`: one `automation.run` per matching record (or one without a record). */
  async runOccurrence(o: ScheduleOccurrence): Promise<{ runs: number; skipped?: string }> {
    const def = this.registry.current().set.automations[o.automation] as AutomationDef | undefined;
    if (!def || def.enabled === false || !(isScheduleTrigger(def.trigger) || isDateTrigger(def.trigger))) return { runs: 0, skipped: 'not an enabled timed automation' };
    const at = new Date(o.at);
    const kind = isDateTrigger(def.trigger) ? 'date' : 'schedule';
    const object = def.trigger.object;
    if (!object) {
      await this.enqueueRun(def.name, kind, at, null, null);
      return { runs: 1 };
    }
    const set = this.registry.current().set;
    const obj = set.objects[object];
    if (!obj) return { runs: 0, skipped: `no object ${object}` };
    const condition: ConditionJson | undefined = isDateTrigger(def.trigger) ? dateTriggerCondition(def.trigger, obj, at) : def.trigger.where;
    const filter = condition ? this.records.parseWhere(object, condition) : undefined;
    let runs = 0;
    let cursor: string | undefined;
    do {
      const compiled = compileSelect({ object, set, ctx: queryContext(NO_USER, at), filter, fields: ['id'], sort: [{ field: 'id', dir: 'asc' }], limit: 500, cursor });
      const page = readPage(await this.db.query<SelectRow<{ id: string }>>(compiled.sql, compiled.params), compiled);
      for (const r of page.data) await this.enqueueRun(def.name, kind, at, object, r.id);
      runs += page.data.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { runs };
  }

  private async enqueueRun(automation: string, kind: 'schedule' | 'date', at: Date, object: string | null, recordId: string | null): Promise<void> {
    const eventId = occurrenceEventId(automation, at.toISOString(), recordId);
    const job: AutomationRunJob = { automation, eventId, event: kind, object, recordId, actor: null, depth: 0, at: at.toISOString() };
    await this.queue.add(AUTOMATION_RUN, job, { jobId: `${eventId}:${automation}`, attempts: 5 });
  }

  /**
   * Where a tick's window starts: now — the next minute is looked at again on every tick, so an
   * automation created a moment ago still gets it (re-adding is a no-op) — or, after a stop, where the
   * last tick ended, catching up at most a day. On the very first start nothing was missed.
   */
  private async windowStart(now: Date): Promise<Date> {
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM core.setting WHERE key = $1`, [CHECKED_KEY]);
    const stored = row ? Date.parse(row.value) : NaN;
    if (Number.isNaN(stored)) return now;
    return new Date(Math.min(now.getTime(), Math.max(stored, now.getTime() - MAX_CATCH_UP_MS)));
  }
}

function timedAutomations(all: Record<string, AutomationDef>): AutomationDef[] {
  return Object.values(all ?? {}).filter((d) => d.enabled !== false && (isScheduleTrigger(d.trigger) || isDateTrigger(d.trigger)));
}

function cronOf(def: AutomationDef): string {
  return isScheduleTrigger(def.trigger) ? def.trigger.schedule : dateTriggerCron(def.trigger as never);
}

/** A stable event id per (automation, minute, record): the run log and X-Loom-Event-Id of a timed run. */
export function occurrenceEventId(automation: string, at: string, recordId: string | null): string {
  const h = createHash('sha256').update(`${automation}\n${at}\n${recordId ?? ''}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
