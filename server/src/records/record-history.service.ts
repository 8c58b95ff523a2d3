import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { invalid, notFound } from '../common/problem.js';
import { PermissionsService } from '../permissions/permissions.service.js';
import { RecordsService, type ApiRecord } from './records.service.js';

interface HistoryRow {
  version: number; action: string; at: string; by: string | null; byName: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

/**
 * History of a record, and restoring a version (or some fields of it) as a new write. Fields the
 * caller may not read never appear in `changes` (SECURITY.md 1: history is a read path).
 */
@Injectable()
export class RecordHistoryService {
  constructor(private readonly db: Db, private readonly records: RecordsService, private readonly permissions: PermissionsService) {}

  async list(user: CurrentUser, object: string, id: string): Promise<HistoryRow[]> {
    await this.records.get(user, object, id); // 404 unless the caller may read the record
    const obj = this.records.objectOrThrow(object);
    const rows = await this.db.query<HistoryRow>(
      `SELECT h.version, h.action, h.at, h.actor AS by, u.name AS "byName", h.changes
         FROM core.record_history h LEFT JOIN core."user" u ON u.id = h.actor
        WHERE h.object = $1 AND h.record_id = $2 ORDER BY h.version DESC, h.id DESC`, [object, id]);
    const hidden = this.permissions.access(user).hiddenFor?.(object);
    const visible = new Set(Object.entries(obj.fields).filter(([f, d]) => !d.archived && !hidden?.has(f)).map(([f]) => f).concat(hidden?.has('owner') ? [] : ['owner']));
    return rows.map((r) => ({ ...r, changes: Object.fromEntries(Object.entries(r.changes).filter(([f]) => visible.has(f))) }));
  }

  /** The record's values as of `version`: replay of the changes up to it. */
  private async valuesAt(object: string, id: string, version: number): Promise<Record<string, unknown>> {
    const rows = await this.db.query<{ version: number; changes: Record<string, { to: unknown }> }>(
      `SELECT version, changes FROM core.record_history WHERE object = $1 AND record_id = $2 AND version <= $3 ORDER BY version, id`, [object, id, version]);
    if (!rows.some((r) => r.version === version)) throw notFound(`No version ${version} of ${object} ${id}`);
    const values: Record<string, unknown> = {};
    for (const r of rows) for (const [f, c] of Object.entries(r.changes)) values[f] = c.to;
    return values;
  }

  async restore(user: CurrentUser, object: string, id: string, version: number, fields?: string[]): Promise<ApiRecord> {
    const obj = this.records.objectOrThrow(object);
    await this.records.get(user, object, id);
    const old = await this.valuesAt(object, id, version);
    // a whole version restores what the caller can see; naming a hidden field is refused by the write check
    const hidden = this.permissions.access(user).hiddenFor?.(object);
    const names = fields ?? Object.keys(obj.fields).filter((f) => f in old && !hidden?.has(f));
    const unknown = names.filter((f) => !obj.fields[f] || obj.fields[f].archived);
    if (unknown.length) throw invalid(unknown.map((f) => ({ path: `/fields/${names.indexOf(f)}`, message: `${f} is not a field of ${object}` })));
    const body = Object.fromEntries(names.filter((f) => !['formula', 'rollup', 'autonumber'].includes(obj.fields[f].type)).map((f) => [f, old[f] ?? null]));
    return this.records.update(user, object, id, body);
  }
}
