import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { invalid, notFound } from '../common/problem.js';
import { Db, type Tx } from '../database/db.js';
import type { SharedIds } from './share-scope.js';

export type ShareAccess = 'read' | 'write';

export interface RecordShare {
  id: string; object: string; recordId: string; user: string | null; team: string | null;
  access: ShareAccess; createdBy: string | null; createdAt: string;
}

const COLUMNS = `id, object, record_id AS "recordId", user_id AS "user", team_id AS "team", access, created_by AS "createdBy", created_at AS "createdAt"`;
/** Shares loaded per request, at most; beyond it the newest win (each object's list is also capped, see share-scope.ts). */
const MAX_SHARES_PER_USER = 5_000;

/** `core.record_share`: records shared with a user or a team, read or write (an additive grant). */
@Injectable()
export class RecordShareService {
  /** Read shares per (user, team), kept 2 s: a share made on this node is seen at once (the cache is dropped), on others within 2 s. */
  private readonly recent = new Map<string, { at: number; ids: SharedIds }>();

  constructor(private readonly db: Db) {}

  /** Ids shared with the user or the user's team, per object (by default read and write shares alike). */
  async sharedWith(user: Pick<CurrentUser, 'id' | 'teamId'>, access: ShareAccess[] = ['read', 'write']): Promise<SharedIds> {
    const key = `${user.id}:${user.teamId ?? ''}:${access.join(',')}`;
    const hit = this.recent.get(key);
    if (hit && Date.now() - hit.at < 2_000) return hit.ids;
    const ids = await this.load(user, access);
    if (this.recent.size > 10_000) this.recent.clear();
    this.recent.set(key, { at: Date.now(), ids });
    return ids;
  }

  private async load(user: Pick<CurrentUser, 'id' | 'teamId'>, access: ShareAccess[]): Promise<SharedIds> {
    const rows = await this.db.query<{ object: string; record_id: string }>(
      `SELECT object, record_id FROM core.record_share WHERE (user_id = $1 OR (team_id = $2 AND $2::uuid IS NOT NULL)) AND access = ANY($3)
        ORDER BY created_at DESC LIMIT ${MAX_SHARES_PER_USER}`, [user.id, user.teamId, access]);
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.object, [...(out.get(r.object) ?? []), r.record_id]);
    return out;
  }

  /** The id of a share of this record with the user or their team giving one of `access`, if any. */
  async shareFor(tx: Tx | Db, user: Pick<CurrentUser, 'id' | 'teamId'>, object: string, recordId: string, access: ShareAccess[]): Promise<string | undefined> {
    const [row] = await tx.query<{ id: string }>(
      `SELECT id FROM core.record_share WHERE object = $1 AND record_id = $2 AND access = ANY($3)
          AND (user_id = $4 OR (team_id = $5 AND $5::uuid IS NOT NULL)) ORDER BY created_at LIMIT 1`,
      [object, recordId, access, user.id, user.teamId]);
    return row?.id;
  }

  list(object: string, recordId: string): Promise<RecordShare[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core.record_share WHERE object = $1 AND record_id = $2 ORDER BY created_at, id`, [object, recordId]);
  }

  /** Shares again with the same user or team replace the access. */
  async create(object: string, recordId: string, to: { user?: string; team?: string }, access: ShareAccess, by: string): Promise<RecordShare> {
    if (to.user) {
      const [u] = await this.db.query(`SELECT 1 FROM core."user" WHERE id = $1 AND active`, [to.user]);
      if (!u) throw invalid([{ path: '/user', message: 'no such active user' }]);
    } else {
      const [t] = await this.db.query(`SELECT 1 FROM core.team WHERE id = $1 AND deleted_at IS NULL`, [to.team]);
      if (!t) throw invalid([{ path: '/team', message: 'no such team' }]);
    }
    const target = to.user ? 'user_id' : 'team_id';
    const [row] = await this.db.query<RecordShare>(
      `INSERT INTO core.record_share (object, record_id, ${target}, access, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (object, record_id, ${target}) WHERE ${target} IS NOT NULL DO UPDATE SET access = EXCLUDED.access
       RETURNING ${COLUMNS}`, [object, recordId, to.user ?? to.team, access, by]);
    this.recent.clear();
    return row;
  }

  async remove(object: string, recordId: string, shareId: string): Promise<void> {
    const rows = await this.db.query(`DELETE FROM core.record_share WHERE id = $1 AND object = $2 AND record_id = $3 RETURNING id`, [shareId, object, recordId]);
    this.recent.clear();
    if (!rows.length) throw notFound(`No share ${shareId} of ${object} ${recordId}`);
  }
}
