import { Injectable, Logger } from '@nestjs/common';
import type { AutomationDef } from '@loom/metadata';
import { Db } from '../../database/db.js';
import { PermanentJobError, type JobContext } from '../../jobs/job-queue.js';
import { MetadataRegistry } from '../../metadata/metadata-registry.service.js';
import { ActionExecutor } from '../actions/action-executor.service.js';
import { ActionFailed } from '../actions/action-failed.js';
import { planAction } from '../actions/plan-action.js';
import type { AutomationRunJob } from '../outbox/outbox-event.js';
import { AutomationRecords, type AnyRecord } from '../records/automation-records.service.js';
import type { TemplateContext } from '../template/render-template.js';
import { exceedsChainDepth, MAX_CHAIN_DEPTH } from './loop-guard.js';
import { RunLog, StepAlreadyDone, type RunRow } from './run-log.service.js';

/**
 * Handler of `automation.run` jobs: opens (or resumes) the run, checks enabled and the loop guard,
 * then executes the actions not done yet, in order. A retryable failure throws so the queue backs off
 * and retries; a permanent one fails the run and the job goes dead (an admin may retry it).
 */
@Injectable()
export class AutomationRunner {
  private readonly logger = new Logger('automation');

  constructor(
    private readonly db: Db,
    private readonly registry: MetadataRegistry,
    private readonly records: AutomationRecords,
    private readonly runLog: RunLog,
    private readonly executor: ActionExecutor,
  ) {}

  async run(job: AutomationRunJob, ctx: JobContext): Promise<{ run: string; status: string }> {
    const run = await this.runLog.begin(job);
    if (run.status !== 'running') return { run: run.id, status: run.status }; // delivered again: already done
    const def = this.registry.current().set.automations[job.automation] as AutomationDef | undefined;
    if (!def) return this.end(run, 'skipped', `automation ${job.automation} no longer exists`);
    if (def.enabled === false) return this.end(run, 'skipped', `automation ${job.automation} is disabled`);
    if (exceedsChainDepth(job.depth)) {
      this.logger.warn({ msg: 'automation loop stopped', automation: job.automation, event: job.eventId, depth: job.depth });
      return this.end(run, 'loop', `stopped: this run's writes would be ${job.depth + 1} automation steps deep (at most ${MAX_CHAIN_DEPTH}); check for automations that trigger each other`);
    }
    const at = new Date(job.at);
    const record = job.object && job.recordId
      ? await this.records.read(this.db, job.object, job.recordId, { deleted: job.event === 'record.deleted', userId: job.actor, now: at })
      : null;
    if (job.recordId && !record) return this.end(run, 'skipped', `${job.object} ${job.recordId} no longer exists`);
    const actorId = await this.actorFor(job, record);
    const template = await this.templateContext(job, record, actorId, at);
    const scope = { runId: run.id, automation: job.automation, eventId: job.eventId, object: job.object, recordId: job.recordId, actorId, depth: job.depth + 1, now: at };

    for (let i = run.actions.length; i < def.actions.length; i++) {
      try {
        const planned = planAction(def.actions[i], i, job, template);
        await this.executor.execute(planned, scope);
      } catch (e) {
        if (e instanceof StepAlreadyDone) return { run: run.id, status: 'running' }; // another attempt holds this run
        const failure = e instanceof ActionFailed ? e : new ActionFailed('failed', e instanceof Error ? e.message : String(e), false);
        const result = { index: i, type: def.actions[i].type, status: failure.status, error: failure.message, ...failure.detail };
        const last = failure.permanent || ctx.attempt >= ctx.maxAttempts;
        if (!last) {
          await this.runLog.noteError(run.id, `action ${i} (${def.actions[i].type}), attempt ${ctx.attempt} of ${ctx.maxAttempts}: ${failure.message}`);
          throw failure;
        }
        await this.runLog.finish(run.id, 'failed', `action ${i} (${def.actions[i].type}): ${failure.message}`, result);
        throw new PermanentJobError(failure.message);
      }
    }
    return this.end(run, 'ok', null);
  }

  private async end(run: RunRow, status: 'ok' | 'skipped' | 'loop', error: string | null) {
    await this.runLog.finish(run.id, status, error);
    return { run: run.id, status };
  }

  /** Writes are made as the user whose change triggered the run; timed runs act as the record's owner, else the first admin. */
  private async actorFor(job: AutomationRunJob, record: AnyRecord | null): Promise<string> {
    if (job.actor) return job.actor;
    if (record && typeof record.owner === 'string') return record.owner;
    const [admin] = await this.db.query<{ id: string }>(`SELECT id FROM core."user" WHERE 'admin' = ANY(roles) AND active ORDER BY created_at, id LIMIT 1`);
    if (!admin) throw new PermanentJobError('no active admin to run a timed automation as');
    return admin.id;
  }

  private async templateContext(job: AutomationRunJob, record: AnyRecord | null, actorId: string, at: Date): Promise<TemplateContext> {
    const [user] = await this.db.query<{ id: string; email: string; name: string }>(`SELECT id, email, name FROM core."user" WHERE id = $1`, [actorId]);
    return {
      record, user: user ?? { id: actorId }, event: { id: job.eventId, type: job.event, at: job.at, ...(job.data ? { data: job.data } : {}) }, changes: job.changes,
      automation: job.automation, now: at,
    };
  }
}
