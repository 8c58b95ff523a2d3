import { Injectable } from '@nestjs/common';
import type { ApprovalDef, MetadataSet, ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { Db, type Tx } from '../database/db.js';
import { conflict, invalid, notFound, ProblemError } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { lockRow } from '../records/record-writer.service.js';
import { RecordReader } from '../records/record-reader.service.js';
import { isUuid } from '../users/users.service.js';
import { startRequest } from './approval-state-machine.js';
import { applyTransition, insertRequest } from './approval-store.js';
import { ApprovalDecidedHooks } from './approval-decided-hooks.service.js';
import { ApprovalOutcome } from './approval-outcome.service.js';
import { ApprovalPlanner } from './approval-planner.service.js';
import { RecordConditions } from './record-conditions.service.js';
import { planStageSubmission } from './lib/plan-stage-submission.js';
import { refusalProblem } from './lib/refusal-problem.js';

export interface SubmitInput {
  object: string;
  recordId: string;
  process?: string;
  comment?: string;
  /** Submitted because a stage change hit a gate (PATCH → 409): once approved, the record moves there. */
  targetStage?: string;
}

/**
 * `POST /api/approvals`: the caller must be able to read the record; the process is the one named, the
 * gate's of `targetStage`, or else the only process of the object whose entry matches.
 */
@Injectable()
export class ApprovalSubmission {
  constructor(
    private readonly db: Db, private readonly registry: MetadataRegistry, private readonly reader: RecordReader,
    private readonly conditions: RecordConditions, private readonly planner: ApprovalPlanner, private readonly outcome: ApprovalOutcome,
    private readonly decided: ApprovalDecidedHooks,
  ) {}

  async submit(user: CurrentUser, input: SubmitInput): Promise<string> {
    const obj = this.objectOrThrow(input.object);
    if (!isUuid(input.recordId)) throw notFound(`No ${obj.name} ${input.recordId}`);
    await this.reader.getOrThrow(user, obj.name, input.recordId);
    const id = await this.db.tx((tx) => this.submitInTx(tx, user.id, input));
    // a process whose steps all skip decides on submission: plugins hear of that too
    const [req] = await this.db.query<{ object: string; record_id: string; process: string; status: string }>(`SELECT object, record_id, process, status FROM core.approval_request WHERE id = $1`, [id]);
    if (req?.status === 'approved' || req?.status === 'rejected') await this.decided.deliver({ req, outcome: req.status, actor: user.id, submittedBy: user.id, writes: [] });
    return id;
  }

  /**
   * The submission inside the caller's transaction, with engine privileges (no read check): for the
   * records API above and for automations (`startApproval`), so theirs is the same engine, not a copy.
   */
  async submitInTx(tx: Tx, submittedBy: string, input: SubmitInput): Promise<string> {
    const set = this.registry.current().set;
    const obj = this.objectOrThrow(input.object);
    const record = isUuid(input.recordId) ? await lockRow(tx, obj, input.recordId) : null;
    if (!record) throw notFound(`No ${obj.name} ${input.recordId}`);
    let stage: { field: string; process: string } | undefined;
    if (input.targetStage !== undefined) {
      const planned = planStageSubmission(set, obj.name, record, input.targetStage, input.process);
      if (!planned.ok) throw invalid(planned.errors, planned.detail);
      stage = planned;
    }
    const def = await this.processFor(tx, submittedBy, set, obj, input.recordId, input.process ?? stage?.process);
    const [pending] = await tx.query<{ id: string; process: string }>(
      `SELECT id, process FROM core.approval_request WHERE object = $1 AND record_id = $2 AND status = 'pending'`, [obj.name, input.recordId]);
    if (pending) throw conflict(`The record already has a pending approval (${pending.process})`, { request: pending.id, approval: pending.process });
    const plan = await this.planner.plan(tx, def, input.recordId, record, submittedBy);
    const verdict = startRequest(def, plan, submittedBy, input.comment);
    if (!verdict.ok) throw refusalProblem(verdict);
    const req = await insertRequest(tx, { object: obj.name, recordId: input.recordId, definition: def, submittedBy, targetStage: input.targetStage, stageField: stage?.field });
    await applyTransition(tx, req, verdict.next, submittedBy);
    if (verdict.next.outcome) await this.outcome.apply(tx, req, verdict.next.outcome, submittedBy);
    return req.id;
  }

  private objectOrThrow(name: string): ObjectDef {
    const objects = this.registry.current().set.objects;
    const obj = Object.hasOwn(objects, name) ? objects[name] : undefined;
    if (!obj || obj.archived) throw notFound(`No object ${name}`);
    return obj;
  }

  /** The named process (its entry must hold), else the only process of the object whose entry holds. */
  private async processFor(tx: Tx, submittedBy: string, set: MetadataSet, obj: ObjectDef, recordId: string, name?: string): Promise<ApprovalDef> {
    const entryHolds = (def: ApprovalDef) => (def.entry ? this.conditions.holds(tx, obj.name, recordId, def.entry, submittedBy) : Promise.resolve(true));
    if (name !== undefined) {
      const def = Object.hasOwn(set.approvals, name) ? set.approvals[name] : undefined;
      if (!def || def.object !== obj.name) throw invalid([{ path: '/process', message: `is not an approval process of ${obj.name}` }]);
      if (!(await entryHolds(def))) throw entryNotMet(def.name);
      return def;
    }
    const matching: ApprovalDef[] = [];
    for (const def of Object.values(set.approvals).filter((d) => d.object === obj.name)) {
      if (await entryHolds(def)) matching.push(def);
    }
    if (matching.length === 1) return matching[0];
    if (!matching.length) throw new ProblemError('validation', `No approval process of ${obj.name} applies to this record`, { errors: [{ path: '/process', message: 'no process whose entry condition the record meets' }] });
    throw invalid([{ path: '/process', message: `is required: ${matching.map((d) => d.name).join(', ')} all apply` }], 'Several approval processes apply; name one');
  }
}

const entryNotMet = (process: string) =>
  invalid([{ path: '/recordId', message: `does not meet the entry condition of ${process}` }], `The record does not meet the entry condition of ${process}`);
