import { Injectable } from '@nestjs/common';
import type { MetadataSet } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { compileSelect, MAX_LIMIT, parseFilter, QueryError, readPage, type SelectRow } from '../query/index.js';
import type { ActivityLink } from './lib/activity-links.js';
import type { TimelineItem } from './lib/timeline-page.js';
import { ReadScope, type ScopedRead } from './read-scope.service.js';

/** Items strictly before an instant (a page), or exactly at one (completing a page's last instant). */
export type TimelineRange = { before?: string } | { at: string };

/** Items sharing one millisecond are rare (one transaction's bulk write); this bounds a pathological case (the compiler's page limit). */
export const MAX_TIES = MAX_LIMIT;
const MS = `date_trunc('milliseconds', x.at)`;

function rangeSql(range: TimelineRange, param: string): string {
  if ('at' in range) return `${MS} = ${param}::timestamptz`;
  return range.before ? `${MS} < ${param}::timestamptz` : `${param}::timestamptz IS NULL`;
}
const rangeValue = (range: TimelineRange) => ('at' in range ? range.at : range.before ?? null);
const iso = (d: Date | string) => new Date(d).toISOString();

/** The sources of a record's timeline; each reads only what the caller's read plan allows. */
@Injectable()
export class TimelineSources {
  constructor(private readonly db: Db, private readonly scopes: ReadScope) {}

  /** History rows, changes limited to fields the caller may read; a merge lists the merged ids. */
  async history(read: ScopedRead, id: string, range: TimelineRange, limit: number): Promise<TimelineItem[]> {
    const rows = await this.db.query<{ at: Date; by: string | null; action: string; version: number; changes: Record<string, { from: unknown; to: unknown }> }>(
      `SELECT x.at, x.actor AS by, x.action, x.version, x.changes FROM core.record_history x
        WHERE x.object = $1 AND x.record_id = $2 AND ${rangeSql(range, '$3')} ORDER BY x.at DESC, x.id DESC LIMIT $4`,
      [read.object, id, rangeValue(range), limit]);
    const obj = read.set.objects[read.object]!;
    const readable = (f: string) => (f === 'owner' || (Object.hasOwn(obj.fields, f) && !obj.fields[f]!.archived)) && !read.hiddenFields?.has(f);
    return rows.map((r) => ({
      kind: 'history', at: iso(r.at), by: r.by, action: r.action, version: r.version,
      changes: Object.fromEntries(Object.entries(r.changes).filter(([f]) => readable(f))),
      ...(r.action === 'merge' ? { merged: r.changes.merged?.to ?? [] } : {}),
    }));
  }

  /** Stage changes of pipelines whose stage field the caller may read. */
  async stages(read: ScopedRead, id: string, range: TimelineRange, limit: number): Promise<TimelineItem[]> {
    const rows = await this.db.query<{ at: Date; by: string | null; pipeline: string; from: string | null; to: string }>(
      `SELECT x.at, x.by, x.pipeline, x.from_stage AS "from", x.to_stage AS "to" FROM core.stage_history x
        WHERE x.object = $1 AND x.record_id = $2 AND ${rangeSql(range, '$3')} ORDER BY x.at DESC, x.id DESC LIMIT $4`,
      [read.object, id, rangeValue(range), limit]);
    const field = (p: string) => (read.set as MetadataSet).pipelines?.[p]?.field;
    return rows.filter((r) => !read.hiddenFields?.has(field(r.pipeline) ?? '')).map((r) => ({ kind: 'stage', at: iso(r.at), by: r.by, pipeline: r.pipeline, from: r.from, to: r.to }));
  }

  /** Activity records linked to the record, read through the compiler under the caller's scope of their object. */
  async activities(user: CurrentUser, link: ActivityLink, id: string, range: TimelineRange, limit: number): Promise<TimelineItem[]> {
    const read = await this.scopes.of(user, link.object);
    const when = 'at' in range ? { $gte: range.at, $lt: new Date(Date.parse(range.at) + 1).toISOString() } : range.before ? { $lt: range.before } : undefined;
    try {
      const condition = parseFilter({ [link.field]: id, ...(when ? { created_at: when } : {}) }, { object: link.object, set: read.set });
      const compiled = compileSelect({ ...read, filter: condition, sort: [{ field: 'created_at', dir: 'desc' }], limit });
      const { data } = readPage(await this.db.query<SelectRow>(compiled.sql, compiled.params), compiled);
      const titleField = read.set.objects[link.object]!.titleField;
      return data.map((record) => ({
        kind: 'activity', at: iso(record.created_at as string), by: (record.created_by as string | undefined) ?? null,
        object: link.object, id: record.id, title: record[titleField] ?? null, record,
      }));
    } catch (e) {
      if (e instanceof QueryError && e.status === 403) return []; // the link field is hidden from the caller
      throw e;
    }
  }

  /**
   * Approval requests of the record (at submission, by the submitter), each with its latest action
   * after the submission — approve, reject, return, recall, reassign, escalate or comment — and that
   * action's comment, so the timeline says how a request went, not only that it was made.
   */
  async approvalItems(object: string, id: string, range: TimelineRange, limit: number): Promise<TimelineItem[]> {
    const rows = await this.db.query<{ id: string; process: string; status: string; step: number; at: Date; by: string | null; action: string | null; comment: string | null }>(
      `SELECT a.id, a.process, a.status, a.step, x.at, a.submitted_by AS by, last.action, last.comment
         FROM core.approval_request a CROSS JOIN LATERAL (SELECT a.submitted_at AS at) x
         LEFT JOIN LATERAL (SELECT t.action, t.comment FROM core.approval_action t
                             WHERE t.request_id = a.id AND t.action <> 'submit' ORDER BY t.id DESC LIMIT 1) last ON TRUE
        WHERE a.object = $1 AND a.record_id = $2 AND ${rangeSql(range, '$3')} ORDER BY x.at DESC LIMIT $4`,
      [object, id, rangeValue(range), limit]);
    return rows.map((r) => ({ kind: 'approval', at: iso(r.at), by: r.by, id: r.id, process: r.process, status: r.status, step: r.step, action: r.action, comment: r.comment }));
  }
}
