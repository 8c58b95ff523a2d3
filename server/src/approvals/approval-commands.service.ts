import { Injectable } from '@nestjs/common';
import { Db, type Tx } from '../database/db.js';
import { conflict, invalid, notFound } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { lockRow } from '../records/record-writer.service.js';
import { isUuid } from '../users/users.service.js';
import { applyCommand } from './approval-state-machine.js';
import { applyTransition, claimPendingRequest, loadTasks, type RequestRow } from './approval-store.js';
import type { ApprovalCommand } from './approval-types.js';
import { ApprovalDecidedHooks, decidedOf, type Decided } from './approval-decided-hooks.service.js';
import { ApprovalOutcome } from './approval-outcome.service.js';
import { ApprovalPlanner } from './approval-planner.service.js';
import { refusalProblem } from './lib/refusal-problem.js';

/** A command as the API takes it: `return` may name its step instead of giving its index. */
export type CommandInput = Exclude<ApprovalCommand, { kind: 'return' }> | { kind: 'return'; by: string; toStep?: number | string; comment?: string };

/**
 * Runs one command on a pending request in one transaction: claim the request (the state-guarded write
 * that serializes concurrent actions), plan its steps, ask the state machine, persist the transition,
 * then apply the outcome to the record when the request was decided; plugins hear of it after commit.
 */
@Injectable()
export class ApprovalCommands {
  constructor(private readonly db: Db, private readonly registry: MetadataRegistry, private readonly planner: ApprovalPlanner, private readonly outcome: ApprovalOutcome, private readonly decided: ApprovalDecidedHooks) {}

  async act(id: string, command: CommandInput): Promise<void> {
    if (!isUuid(id)) throw notFound(`No approval request ${id}`);
    const decided = await this.db.tx(async (tx) => {
      const req = await claimPendingRequest(tx, id);
      if (!req) {
        const [row] = await tx.query<{ status: string }>(`SELECT status FROM core.approval_request WHERE id = $1`, [id]);
        if (!row) throw notFound(`No approval request ${id}`);
        throw conflict(`The request is already ${row.status}`, { requestStatus: row.status });
      }
      if (command.kind === 'reassign') await this.checkAssignable(tx, command.to);
      return this.run(tx, req, this.resolveStep(req, command));
    });
    await this.decided.deliver(decided);
  }

  /** Inside a transaction that claimed `req`: used by `act` and by the timeout sweeper. Returns the decision to deliver after commit. */
  async run(tx: Tx, req: RequestRow, command: ApprovalCommand): Promise<Decided | null> {
    const def = req.definition;
    const tasks = await loadTasks(tx, req.id);
    const obj = this.registry.current().set.objects[req.object];
    const record = (obj && await lockRow(tx, obj, req.record_id)) || {};
    const plan = await this.planner.plan(tx, def, req.record_id, record, req.submitted_by);
    const verdict = applyCommand(def, { status: req.status, step: req.step, submittedBy: req.submitted_by, tasks }, plan, command);
    if (!verdict.ok) throw refusalProblem(verdict);
    const actor = command.kind === 'timeout' ? null : command.by;
    await applyTransition(tx, req, verdict.next, actor);
    const writes = verdict.next.outcome ? await this.outcome.apply(tx, req, verdict.next.outcome, actor ?? req.submitted_by) : [];
    return decidedOf(req, verdict.next.outcome, actor, writes);
  }

  private resolveStep(req: RequestRow, command: CommandInput): ApprovalCommand {
    if (command.kind !== 'return' || typeof command.toStep !== 'string') return command as ApprovalCommand;
    const index = req.definition.steps.findIndex((s) => s.name === command.toStep);
    if (index < 0) throw invalid([{ path: '/toStep', message: `is not a step of ${req.process}` }]);
    return { ...command, toStep: index };
  }

  private async checkAssignable(tx: Tx, userId: string): Promise<void> {
    const [row] = isUuid(userId) ? await tx.query(`SELECT 1 FROM core."user" WHERE id = $1 AND active`, [userId]) : [];
    if (!row) throw invalid([{ path: '/to', message: 'is not an active user' }]);
  }
}
