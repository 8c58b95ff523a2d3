import { Inject, Injectable, Logger } from '@nestjs/common';
import { Db } from '../database/db.js';
import { cronOccurrences } from '../automation/schedule/cron-occurrences.js';
import { JOB_QUEUE, PermanentJobError, type JobQueue } from '../jobs/job-queue.js';
import { PLUGIN_JOB, type PluginJobData } from './plugin-contexts.service.js';
import { fromPluginProblem, isPluginProblem } from './plugin-problem.js';
import { PluginRuntime } from './plugin-runtime.service.js';
import { RecordHooks } from './record-hooks.service.js';

const CHECKED_KEY = 'plugins.scheduler.checked_until';
const LOOKAHEAD_MS = 60_000;
const MAX_CATCH_UP_MS = 24 * 3600_000;
const TICK_MS = 30_000;

/**
 * Plugin jobs on the one JobQueue: every job is `plugin.job` with `{ plugin, job, data }`, run as the
 * plugin's system actor under the hook timeout and failure count. Schedules (cron → job) are enqueued
 * like automation schedules: one delayed job per occurrence with a stable id, so ticks on several
 * workers enqueue it once.
 */
@Injectable()
export class PluginJobs {
  private readonly logger = new Logger('plugins');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: Db, private readonly runtime: PluginRuntime, private readonly hooks: RecordHooks, @Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  register(): void {
    this.queue.process<PluginJobData>(PLUGIN_JOB, (data) => this.run(data));
  }

  async enqueue(plugin: string, job: string, data: unknown): Promise<string> {
    return (await this.queue.add(PLUGIN_JOB, { plugin, job, data } satisfies PluginJobData)).id;
  }

  private async run({ plugin, job, data }: PluginJobData): Promise<unknown> {
    const p = this.runtime.enabled(plugin);
    const fn = p?.definition.jobs?.[job];
    if (!p || !fn) return { skipped: `plugin ${plugin} is not enabled or has no job ${job}` };
    try {
      return (await this.hooks.call(p, `job ${job}`, () => fn(p.context(), data))) ?? null;
    } catch (e) {
      if (isPluginProblem(e)) throw new PermanentJobError(fromPluginProblem(plugin, e).message);
      throw e;
    }
  }

  start(): void {
    if (this.timer) return;
    const tick = () => void this.tick().catch((e) => this.logger.warn({ msg: 'plugin schedule tick failed', err: e instanceof Error ? e.message : String(e) }));
    this.timer = setInterval(tick, TICK_MS);
    this.timer.unref();
    tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Enqueues the occurrences since the last tick, up to a minute ahead, of every enabled plugin's schedules. */
  async tick(now = new Date()): Promise<number> {
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM core.setting WHERE key = $1`, [CHECKED_KEY]);
    const stored = row ? Date.parse(row.value) : NaN;
    const from = new Date(Number.isNaN(stored) ? now.getTime() - TICK_MS : Math.max(stored, now.getTime() - MAX_CATCH_UP_MS));
    const to = new Date(now.getTime() + LOOKAHEAD_MS);
    let n = 0;
    for (const p of this.runtime.enabledPlugins()) {
      for (const [cron, job] of Object.entries(p.definition.schedules ?? {})) {
        for (const at of cronOccurrences(cron, from, to, 200)) {
          const payload: PluginJobData = { plugin: p.name, job, data: { at: at.toISOString() } };
          await this.queue.add(PLUGIN_JOB, payload, { jobId: `plugin:${p.name}:${job}:${at.toISOString()}`, delayMs: Math.max(0, at.getTime() - Date.now()) });
          n++;
        }
      }
    }
    await this.db.query(
      `INSERT INTO core.setting (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO UPDATE
         SET value = to_jsonb(greatest(core.setting.value #>> '{}', $2::text))`, [CHECKED_KEY, to.toISOString()]);
    return n;
  }
}
