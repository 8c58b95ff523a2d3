import { Injectable } from '@nestjs/common';
import { Db, type Tx } from '../../database/db.js';
import type { AutomationRunJob } from '../outbox/outbox-event.js';

export type RunStatus = 'running' | 'ok' | 'failed' | 'skipped' | 'loop';

/** What one action did, as shown in the run log. */
export interface ActionResult {
  index: number;
  type: string;
  status: 'ok' | 'noop' | 'failed' | 'refused';
  [detail: string]: unknown;
}

export interface RunRow {
  id: string;
  status: RunStatus;
  /** Results of the actions done so far, in order: a retry resumes after them. */
  actions: ActionResult[];
}

/** A step that does not complete its own checkpoint in the caller's transaction ran twice: abort. */
export class StepAlreadyDone extends Error {}

/**
 * core.automation_run: one row per (automation, event). Each action's result is appended in the
 * same transaction as its effect, guarded by the number of results so far, so a run resumed after
 * a crash (or delivered twice) applies every effect once (SECURITY.md 10).
 */
@Injectable()
export class RunLog {
  constructor(private readonly db: Db) {}

  /** Opens the run, or returns the existing one (a finished run stays finished; a failed one resumes). */
  async begin(job: AutomationRunJob): Promise<RunRow> {
    const [row] = await this.db.query<RunRow>(
      `INSERT INTO core.automation_run (automation, event_id, event, object, record_id, depth, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'running')
       ON CONFLICT (automation, event_id) DO UPDATE SET
         attempts = core.automation_run.attempts + 1,
         status = CASE WHEN core.automation_run.status = 'failed' THEN 'running' ELSE core.automation_run.status END,
         finished_at = CASE WHEN core.automation_run.status = 'failed' THEN NULL ELSE core.automation_run.finished_at END,
         actions = CASE WHEN core.automation_run.status = 'failed'
           THEN (SELECT coalesce(jsonb_agg(x.a ORDER BY x.n), '[]'::jsonb) FROM jsonb_array_elements(core.automation_run.actions) WITH ORDINALITY AS x(a, n)
                  WHERE x.a->>'status' IN ('ok', 'noop'))
           ELSE core.automation_run.actions END
       RETURNING id::text, status, actions`,
      [job.automation, job.eventId, job.event, job.object, job.recordId, job.depth],
    );
    return row;
  }

  /** Appends action `result.index`'s result inside `tx`; throws StepAlreadyDone if another attempt got there first. */
  async checkpoint(q: Tx | Db, runId: string, result: ActionResult): Promise<void> {
    const rows = await q.query(
      `UPDATE core.automation_run SET actions = actions || $2::jsonb, error = NULL
        WHERE id = $1 AND status = 'running' AND jsonb_array_length(actions) = $3 RETURNING id`,
      [runId, JSON.stringify([result]), result.index],
    );
    if (!rows.length) throw new StepAlreadyDone(`action ${result.index} of run ${runId} was already recorded`);
  }

  async finish(runId: string, status: Exclude<RunStatus, 'running'>, error: string | null = null, failed?: ActionResult): Promise<void> {
    await this.db.query(
      `UPDATE core.automation_run SET status = $2, error = $3, finished_at = now(),
              actions = CASE WHEN $4::jsonb IS NULL THEN actions ELSE actions || $4::jsonb END
        WHERE id = $1`,
      [runId, status, error, failed ? JSON.stringify([failed]) : null],
    );
  }

  /** A failed attempt that will be retried: the error is shown while the run waits. */
  async noteError(runId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE core.automation_run SET error = $2 WHERE id = $1 AND status = 'running'`, [runId, error]);
  }
}
