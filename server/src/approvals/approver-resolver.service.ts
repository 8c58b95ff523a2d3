import { Injectable } from '@nestjs/common';
import type { Approvers } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import { isUuid } from '../users/users.service.js';
import { applyDelegation } from './lib/apply-delegation.js';

/**
 * Who approves, as active user ids (DESIGN.md §2): listed users (by id or email), holders of a role,
 * the record owner's manager `levels` up the hierarchy, a user field of the record — then standing
 * delegation (`core."user".delegate_to`) sends each one's task to their delegate.
 */
@Injectable()
export class ApproverResolver {
  async resolve(tx: Tx, approvers: Approvers, record: Record<string, unknown>): Promise<string[]> {
    const ids: string[] = [];
    if (approvers.users?.length) {
      const rows = await tx.query<{ id: string }>(
        `SELECT id FROM core."user" WHERE active AND (id::text = ANY($1::text[]) OR lower(email) = ANY($2::text[])) ORDER BY created_at, id`,
        [approvers.users, approvers.users.map((u) => u.toLowerCase())]);
      ids.push(...rows.map((r) => r.id));
    }
    if (approvers.role) {
      const rows = await tx.query<{ id: string }>(`SELECT id FROM core."user" WHERE active AND $1 = ANY(roles) ORDER BY created_at, id`, [approvers.role]);
      ids.push(...rows.map((r) => r.id));
    }
    if (approvers.manager === 'owner' && typeof record.owner === 'string') {
      const manager = await this.managerAbove(tx, record.owner, approvers.levels ?? 1);
      if (manager) ids.push(manager);
    }
    if (approvers.userField) {
      const value = record[approvers.userField];
      if (typeof value === 'string' && isUuid(value)) {
        const [row] = await tx.query<{ id: string }>(`SELECT id FROM core."user" WHERE id = $1 AND active`, [value]);
        if (row) ids.push(row.id);
      }
    }
    return this.delegate(tx, [...new Set(ids)]);
  }

  /** The active manager `levels` above `userId`; when the chain is shorter (or inactive there), the nearest active one below that. */
  private async managerAbove(tx: Tx, userId: string, levels: number): Promise<string | null> {
    const [row] = await tx.query<{ id: string }>(
      `WITH RECURSIVE up(id, depth) AS (
         SELECT manager_id, 1 FROM core."user" WHERE id = $1 AND manager_id IS NOT NULL
         UNION ALL
         SELECT u.manager_id, up.depth + 1 FROM core."user" u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL AND up.depth < 32)
       SELECT up.id FROM up JOIN core."user" m ON m.id = up.id AND m.active
       ORDER BY CASE WHEN up.depth >= $2 THEN up.depth ELSE 1000 - up.depth END LIMIT 1`,
      [userId, levels]);
    return row?.id ?? null;
  }

  private async delegate(tx: Tx, ids: string[]): Promise<string[]> {
    if (!ids.length) return ids;
    const rows = await tx.query<{ id: string; delegate: string }>(
      `SELECT u.id, d.id AS delegate FROM core."user" u JOIN core."user" d ON d.id = u.delegate_to AND d.active WHERE u.id = ANY($1::uuid[])`, [ids]);
    return applyDelegation(ids, new Map(rows.map((r) => [r.id, r.delegate])));
  }
}
