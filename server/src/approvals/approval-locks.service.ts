import { Injectable } from '@nestjs/common';
import type { ApprovalDef } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { ProblemError } from '../common/problem.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { lockedFields } from './lib/locked-fields.js';

/**
 * The approval lock on the one write path (SECURITY.md 2): while a request is pending, a write that
 * changes fields outside the process's `lock.editable` and every delete get 423. RecordWriter calls it
 * inside its transaction, after locking the row, so single, bulk, import, merge and restore writes agree.
 */
export interface PendingRequest { id: string; process: string; definition: ApprovalDef }

@Injectable()
export class ApprovalLocks {
  constructor(private readonly registry: MetadataRegistry) {}

  /** `known`: the pending request as read with the locked row (lockRow); undefined reads it here. */
  async assertWritable(tx: Tx, object: string, id: string, changedFields: string[], known?: PendingRequest | null): Promise<void> {
    if (!changedFields.length) return;
    const pending = known === undefined ? await this.pending(tx, object, id) : known;
    if (!pending) return;
    const locked = lockedFields(changedFields, this.editable(pending));
    if (!locked.length) return;
    throw new ProblemError('locked', `The record is locked by the pending approval ${pending.process}; ${locked.join(', ')} cannot change until it is decided`, {
      approval: pending.process, request: pending.id,
      errors: locked.map((f) => ({ path: `/${f}`, message: `is locked by the pending approval ${pending.process}` })),
    });
  }

  async assertDeletable(tx: Tx, object: string, id: string, known?: PendingRequest | null): Promise<void> {
    const pending = known === undefined ? await this.pending(tx, object, id) : known;
    if (pending) throw new ProblemError('locked', `The record is locked by the pending approval ${pending.process} and cannot be deleted`, { approval: pending.process, request: pending.id });
  }

  /** On every record write: a prepared statement over the partial unique index of pending requests. */
  private async pending(tx: Tx, object: string, id: string): Promise<PendingRequest | null> {
    const [row] = await tx.prepared<PendingRequest>(
      `SELECT id, process, definition FROM core.approval_request WHERE object = $1 AND record_id = $2 AND status = 'pending'`, [object, id]);
    return row ?? null;
  }

  /** The process as published now (an admin may widen the whitelist of a running request), else as submitted. */
  private editable(pending: { process: string; definition: ApprovalDef }): string[] | undefined {
    const approvals = this.registry.current().set.approvals;
    const current = Object.hasOwn(approvals, pending.process) ? approvals[pending.process] : undefined;
    return (current ?? pending.definition).lock?.editable;
  }
}
