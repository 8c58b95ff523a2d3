import { Injectable, Optional } from '@nestjs/common';
import type { ObjectDef } from '@loom/metadata';
import { Db } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { HookBatch } from '../plugins/hook-batch.js';
import { hookUserOf } from '../plugins/hook-user.js';
import { RecordHooks } from '../plugins/record-hooks.service.js';
import { lockRow } from '../records/record-writer.service.js';
import type { RequestRow } from './approval-store.js';

/** A record write an outcome made (`onApproved.set`, the gate's stage move, …). */
export interface OutcomeWrite {
  obj: ObjectDef;
  id: string;
  before: Record<string, unknown>;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/** What a transaction decided, to be told to plugins once it committed. */
export interface Decided {
  req: Pick<RequestRow, 'object' | 'record_id' | 'process'>;
  outcome: 'approved' | 'rejected' | 'recalled';
  /** The decider; null for a timeout (the submitter is reported then). */
  actor: string | null;
  submittedBy: string;
  writes: OutcomeWrite[];
}

/** The outcome of a transition as a `Decided`; null while the request is still pending. */
export function decidedOf(req: RequestRow, outcome: Decided['outcome'] | null | undefined, actor: string | null, writes: OutcomeWrite[] = []): Decided | null {
  return outcome ? { req, outcome, actor, submittedBy: req.submitted_by, writes } : null;
}

/**
 * Tells plugins what an approval decided, through the one hook runner, after the deciding transaction
 * committed (API decisions, timeouts, requests decided on submission): `afterUpdate`/`stageChanged` for
 * the record writes of the outcome, then `approvalDecided` (approved or rejected; a recall decides
 * nothing) with the record as stored, the process and the decision, acting as the decider.
 */
@Injectable()
export class ApprovalDecidedHooks {
  constructor(private readonly db: Db, private readonly registry: MetadataRegistry, @Optional() private readonly hooks?: RecordHooks) {}

  async deliver(d: Decided | null | undefined): Promise<void> {
    const hooks = this.hooks;
    if (!d || !hooks) return;
    const decision = d.outcome === 'recalled' ? null : d.outcome;
    const decides = decision !== null && hooks.has(d.req.object, 'approvalDecided');
    const updates = d.writes.filter((w) => hooks.has(w.obj.name, 'afterUpdate') || hooks.has(w.obj.name, 'stageChanged'));
    if (!decides && !updates.length) return;
    const user = await hookUserOf(this.db, d.actor ?? d.submittedBy);
    const batch = new HookBatch(hooks, user);
    for (const w of updates) batch.updated(w.obj, w.id, w.before, w.changes);
    await batch.flush((object, id) => this.storedRow(object, id));
    if (!decides) return;
    const record = (await this.storedRow(d.req.object, d.req.record_id)) ?? { id: d.req.record_id };
    hooks.after('approvalDecided', user, d.req.object, { record, process: d.req.process, decision: decision! });
  }

  /** The record as stored (an approver may decide on a record outside their read scope). */
  private async storedRow(object: string, id: string): Promise<Record<string, unknown> | null> {
    const obj = this.registry.current().set.objects[object];
    return obj ? this.db.tx((tx) => lockRow(tx, obj, id)) : null;
  }

}
