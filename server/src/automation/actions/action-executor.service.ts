import { Injectable } from '@nestjs/common';
import { ProblemError } from '../../common/problem.js';
import { Db, type Tx } from '../../database/db.js';
import { isUuid } from '../../users/users.service.js';
import { EmailSender } from '../email/email-sender.service.js';
import { AutomationRecords } from '../records/automation-records.service.js';
import { RunLog, type ActionResult } from '../run/run-log.service.js';
import { WebhookSender } from '../webhook/webhook-sender.service.js';
import { ActionFailed } from './action-failed.js';
import { ApprovalSubmission } from '../../approvals/approval-submission.service.js';
import type { PlannedAction } from './plan-action.js';

/** The run an action belongs to. */
export interface RunScope {
  runId: string;
  automation: string;
  eventId: string;
  object: string | null;
  recordId: string | null;
  actorId: string;
  /** Depth of the run's own writes (the event's depth + 1). */
  depth: number;
  now: Date;
}

/**
 * Executes one planned action. Database effects (records, notifications, events) commit in one
 * transaction with the action's run-log checkpoint, so they happen once (plugins' `after*` hooks of
 * a record write fire only once that transaction committed); email and webhooks are
 * sent, then checkpointed (at least once, with a stable Message-ID / X-Loom-Event-Id).
 */
@Injectable()
export class ActionExecutor {
  constructor(
    private readonly db: Db,
    private readonly records: AutomationRecords,
    private readonly runLog: RunLog,
    private readonly email: EmailSender,
    private readonly webhooks: WebhookSender,
    private readonly approvals: ApprovalSubmission,
  ) {}

  async execute(p: PlannedAction, run: RunScope): Promise<ActionResult> {
    const base = { index: p.index, type: p.type };
    switch (p.type) {
      case 'updateRecord': {
        const hooks = await this.records.hookBatch(p.object, 'update', run.actorId, run.depth);
        const result = await this.inTx(run, async (tx) => {
          const r = await this.records.update(tx, p.object, p.recordId, p.values, run.actorId, run.depth, run.now, p.tags, hooks);
          return { ...base, status: r.changed.length ? 'ok' : 'noop', object: p.object, recordId: p.recordId, changed: r.changed, version: r.version };
        });
        this.records.afterCommit(hooks, run.actorId);
        return result;
      }
      case 'createRecord': {
        const hooks = await this.records.hookBatch(p.object, 'create', run.actorId, run.depth);
        const result = await this.inTx(run, async (tx) => {
          const id = await this.records.create(tx, p.object, p.values, run.actorId, run.depth, run.now, hooks);
          return { ...base, status: 'ok', object: p.object, recordId: id };
        });
        this.records.afterCommit(hooks, run.actorId);
        return result;
      }
      case 'notify':
        return this.inTx(run, async (tx) => {
          const [user] = isUuid(p.user) ? await tx.query(`SELECT id FROM core."user" WHERE id = $1 AND active`, [p.user]) : [];
          if (!user) throw new ActionFailed('failed', `notify: "${p.user}" is not an active user`, true);
          const [n] = await tx.query<{ id: string }>(
            `INSERT INTO core.notification (user_id, message, object, record_id, automation, event_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
            [p.user, p.message, run.object, run.recordId, run.automation, run.eventId],
          );
          return { ...base, status: 'ok', user: p.user, notification: n.id };
        });
      case 'startApproval':
        return this.inTx(run, async (tx) => {
          if (!p.object || !p.recordId) throw new ActionFailed('failed', 'startApproval needs a triggering record', true);
          // a savepoint, so "already pending" (409) leaves the run's transaction usable
          await tx.query('SAVEPOINT start_approval');
          try {
            const id = await this.approvals.submitInTx(tx, run.actorId, { object: p.object, recordId: p.recordId, process: p.process });
            await tx.query('RELEASE SAVEPOINT start_approval');
            return { ...base, status: 'ok', process: p.process, approval: id };
          } catch (e) {
            await tx.query('ROLLBACK TO SAVEPOINT start_approval');
            if (e instanceof ProblemError && e.status === 409) return { ...base, status: 'noop', process: p.process, message: 'an approval is already pending for this record' };
            if (e instanceof ProblemError) throw new ActionFailed('failed', `startApproval: ${e.body.detail ?? e.body.title}`, true);
            throw e;
          }
        });
      case 'sendEmail': {
        const messageId = `<${run.eventId}.${run.automation}.${p.index}@loom>`;
        const sent = await this.email.send({ to: p.to, subject: p.subject, text: p.body, messageId });
        return this.checkpoint(run, { ...base, status: 'ok', to: p.to, accepted: sent.accepted, messageId });
      }
      case 'webhook': {
        const sent = await this.webhooks.deliver({ automation: run.automation, eventId: run.eventId, url: p.url, method: p.method, headers: p.headers, secret: p.secret, body: p.body });
        return this.checkpoint(run, { ...base, status: 'ok', url: sent.url, httpStatus: sent.httpStatus, redirects: sent.redirects });
      }
    }
  }

  private async inTx(run: RunScope, effect: (tx: Tx) => Promise<ActionResult>): Promise<ActionResult> {
    try {
      return await this.db.tx(async (tx) => {
        const result = await effect(tx);
        await this.runLog.checkpoint(tx, run.runId, result);
        return result;
      });
    } catch (e) {
      // bad values, a missing record, a unique clash: the same on every retry
      if (e instanceof ProblemError && e.status >= 400 && e.status < 500) {
        throw new ActionFailed('failed', e.message, true, { problem: { status: e.status, errors: e.body.errors } });
      }
      throw e;
    }
  }

  private async checkpoint(run: RunScope, result: ActionResult): Promise<ActionResult> {
    await this.runLog.checkpoint(this.db, run.runId, result);
    return result;
  }
}
