import { Injectable, Optional } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { RecordHooks } from '../plugins/record-hooks.service.js';
import { lockRow } from '../records/record-writer.service.js';
import type { RequestRow } from './approval-store.js';

/** What a transaction decided, to be told to plugins once it committed. */
export interface Decided {
  req: Pick<RequestRow, 'object' | 'record_id' | 'process'>;
  decision: 'approved' | 'rejected';
  /** The decider; null for a timeout (the submitter is reported then). */
  actor: string | null;
  submittedBy: string;
}

/** The outcome of a transition as a `Decided`, when it approved or rejected the request (a recall decides nothing). */
export function decidedOf(req: RequestRow, outcome: 'approved' | 'rejected' | 'recalled' | null | undefined, actor: string | null): Decided | null {
  return outcome === 'approved' || outcome === 'rejected' ? { req, decision: outcome, actor, submittedBy: req.submitted_by } : null;
}

/**
 * Delivers `approvalDecided` to plugins through the one hook runner, after the deciding transaction
 * committed (API decisions, timeouts, requests decided on submission): the record as stored after the
 * outcome was applied, the process and the decision, acting as the decider.
 */
@Injectable()
export class ApprovalDecidedHooks {
  constructor(private readonly db: Db, private readonly registry: MetadataRegistry, @Optional() private readonly hooks?: RecordHooks) {}

  async deliver(decided: Decided | null | undefined): Promise<void> {
    if (!decided || !this.hooks?.has(decided.req.object, 'approvalDecided')) return;
    const obj = this.registry.current().set.objects[decided.req.object];
    if (!obj) return;
    const record = (await this.db.tx((tx) => lockRow(tx, obj, decided.req.record_id))) ?? { id: decided.req.record_id };
    const user = await this.userOf(decided.actor ?? decided.submittedBy);
    this.hooks.after('approvalDecided', user, decided.req.object, { record, process: decided.req.process, decision: decided.decision });
  }

  private async userOf(id: string): Promise<CurrentUser | undefined> {
    const [u] = await this.db.query<{ id: string; email: string; name: string; roles: string[]; team_id: string | null; manager_id: string | null; locale: string | null }>(
      `SELECT id, email, name, roles, team_id, manager_id, locale FROM core."user" WHERE id = $1 AND active`, [id]);
    return u && { id: u.id, email: u.email, name: u.name, roles: u.roles, teamId: u.team_id, managerId: u.manager_id, locale: u.locale, via: 'jwt' };
  }
}
