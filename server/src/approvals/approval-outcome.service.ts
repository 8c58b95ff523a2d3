import { Injectable, Logger } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { invalid, ProblemError } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { lockRow, RecordWriter } from '../records/record-writer.service.js';
import { RecordValidators } from '../records/validation/record-validator.js';
import type { OutcomeWrite } from './approval-decided-hooks.service.js';
import type { RequestRow } from './approval-store.js';

/**
 * What a decided request does to its record, inside the deciding transaction and through the one write
 * path (validation with engine privileges — `readOnly` fields allowed — history, outbox, stage guard):
 * `onApproved.set` plus the move into `target_stage` for a gate submission, `onRejected.set`, `onRecalled.set`.
 * Returns the writes it made, for plugins' hooks once the transaction committed.
 */
@Injectable()
export class ApprovalOutcome {
  private readonly logger = new Logger('approvals');
  private readonly validators = new RecordValidators();

  constructor(private readonly registry: MetadataRegistry, private readonly writer: RecordWriter) {}

  async apply(tx: Tx, req: RequestRow, outcome: 'approved' | 'rejected' | 'recalled', actor: string): Promise<OutcomeWrite[]> {
    const def = req.definition;
    const set = { approved: def.onApproved, rejected: def.onRejected, recalled: def.onRecalled }[outcome]?.set ?? {};
    const obj = this.registry.current().set.objects[req.object];
    if (!obj || obj.archived) return [];
    const writes: OutcomeWrite[] = [];
    if (outcome === 'approved' && req.target_stage && req.stage_field) {
      // a stage that can no longer be entered must not undo the decision: the values still apply, the move is reported
      const moved = await this.inSavepoint(tx, () => this.write(tx, obj, req.record_id, { ...set, [req.stage_field!]: req.target_stage }, actor, writes));
      if (moved === true) return writes;
      this.logger.warn({ msg: 'approved, but the stage move failed', request: req.id, detail: moved.body.detail });
      await tx.query(`INSERT INTO core.outbox (type, object, record_id, payload, actor) VALUES ('approval.stageMoveFailed', $1, $2, $3, $4)`,
        [req.object, req.record_id, JSON.stringify({ requestId: req.id, targetStage: req.target_stage, problem: moved.body }), actor]);
    }
    if (Object.keys(set).length) await this.write(tx, obj, req.record_id, { ...set }, actor, writes);
    return writes;
  }

  private async write(tx: Tx, obj: ObjectDef, id: string, values: Record<string, unknown>, actor: string, writes: OutcomeWrite[]): Promise<void> {
    const before = await lockRow(tx, obj, id);
    if (!before) return;
    const rev = this.registry.current();
    const checked = this.validators.forRevision(rev.number, rev.set).validate(obj.name, 'update', values, { existing: before, allowReadOnlyFields: true });
    if (!checked.ok) throw invalid(checked.errors, `The outcome of the approval does not fit the ${obj.name} record`);
    const { changes } = await this.writer.update(tx, obj, id, checked.values, { id: actor }, { before });
    if (Object.keys(changes).length) writes.push({ obj, id, before, changes });
  }

  private async inSavepoint(tx: Tx, fn: () => Promise<void>): Promise<true | ProblemError> {
    await tx.query('SAVEPOINT approval_stage_move');
    try {
      await fn();
      await tx.query('RELEASE SAVEPOINT approval_stage_move');
      return true;
    } catch (e) {
      if (!(e instanceof ProblemError) || e.status >= 500) throw e;
      await tx.query('ROLLBACK TO SAVEPOINT approval_stage_move');
      return e;
    }
  }
}
