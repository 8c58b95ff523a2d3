import { Injectable } from '@nestjs/common';
import type { MetadataSet, ObjectDef } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { invalid, ProblemError } from '../common/problem.js';
import { quoteIdent as quoteObject } from '../query/sql/quote-ident.js';
import { checkStageChange } from './check-stage-change.js';

/**
 * Every write that sets a stage field passes here inside its transaction (single, bulk, import, merge,
 * automation): transition, required fields and gate are checked, and core.stage_history is written.
 */
@Injectable()
export class StageGuard {
  private approvalsTable: boolean | null = null;

  stageFields(obj: ObjectDef): string[] {
    return Object.entries(obj.fields).filter(([, d]) => d.type === 'stage' && !d.archived).map(([f]) => f);
  }

  /** Call before the row is written; `before` is null on create. */
  async check(tx: Tx, set: MetadataSet, obj: ObjectDef, id: string | null, before: Record<string, unknown> | null, after: Record<string, unknown>): Promise<{ field: string; pipeline: string; from: string | null; to: string | null }[]> {
    const moves: { field: string; pipeline: string; from: string | null; to: string | null }[] = [];
    for (const field of this.stageFields(obj)) {
      const from = (before?.[field] as string | null | undefined) ?? null;
      const to = (after[field] as string | null | undefined) ?? null;
      if (before && from === to) continue;
      if (!before && to === null) continue;
      const verdict = checkStageChange({ set, object: obj.name, field, record: after, from, to });
      if (!verdict.ok && verdict.status === 422) throw invalid(verdict.errors, `The record cannot move to stage ${to}`);
      if (!verdict.ok && verdict.status === 409 && !(id && await this.approved(tx, obj.name, id, verdict.approval))) {
        throw new ProblemError('conflict', `Stage ${to} needs the approval "${verdict.approval}" first`, { approval: verdict.approval, errors: [{ path: `/${field}`, message: `needs approval ${verdict.approval}` }] });
      }
      moves.push({ field, pipeline: verdict.pipeline.name, from, to });
    }
    return moves;
  }

  /** Call after the row is written: one stage_history row per move, with the seconds spent in the previous stage. */
  async record(tx: Tx, object: string, id: string, moves: { pipeline: string; from: string | null; to: string | null }[], actor: string): Promise<void> {
    for (const m of moves) {
      if (m.to === null) continue;
      await tx.query(
        `INSERT INTO core.stage_history (object, record_id, pipeline, from_stage, to_stage, by, seconds_in_previous)
         SELECT $1::text, $2::uuid, $3::text, $4::text, $5::text, $6::uuid,
           CASE WHEN NOT $7 THEN NULL ELSE extract(epoch FROM now() - COALESCE(
             (SELECT max(at) FROM core.stage_history WHERE object = $1::text AND record_id = $2::uuid AND pipeline = $3::text),
             (SELECT created_at FROM "data".${quoteObject(object)} WHERE id = $2::uuid)))::bigint END`,
        [object, id, m.pipeline, m.from, m.to, actor, m.from !== null],
      );
      await tx.query(`INSERT INTO core.outbox (type, object, record_id, payload, actor) VALUES ('record.stageChanged', $1, $2, $3, $4)`,
        [object, id, JSON.stringify({ pipeline: m.pipeline, from: m.from, to: m.to }), actor]);
    }
  }

  /** A gate is open when the named approval process approved this record (approvals engine tables). */
  private async approved(tx: Tx, object: string, id: string, process: string): Promise<boolean> {
    if (this.approvalsTable === null) {
      const [row] = await tx.query<{ t: string | null }>(`SELECT to_regclass('core.approval_request')::text AS t`);
      this.approvalsTable = !!row.t;
    }
    if (!this.approvalsTable) return false;
    const [row] = await tx.query(`SELECT 1 FROM core.approval_request WHERE object = $1 AND record_id = $2 AND process = $3 AND status = 'approved' LIMIT 1`, [object, id, process]);
    return !!row;
  }
}
