import { Injectable } from '@nestjs/common';
import { columnName, findObject, isManyToOne, type MetadataSet, type ObjectDef } from '@loom/metadata';
import { Db } from '../../database/db.js';
import { StatementParams } from '../../analytics/lib/statement-params.js';
import { compileWhere, quoteQualified, type QueryContext, type ReadAccess } from '../../query/index.js';
import { isUuid } from '../../users/users.service.js';
import type { PreparedRow } from './prepare-rows.js';

export interface ImportReader {
  ctx: QueryContext;
  access: ReadAccess;
}

const CHUNK = 5000;

/**
 * Relation and user cells name their target the way people do: a related record by id or title
 * (among the records the importer may read), a user by id, e-mail or name. Unknown or ambiguous
 * names become row problems at the field's path; nothing outside the importer's scope is found.
 */
@Injectable()
export class RowLookups {
  constructor(private readonly db: Db) {}

  async resolve(reader: ImportReader, set: MetadataSet, obj: ObjectDef, fields: string[], rows: PreparedRow[]): Promise<void> {
    for (const field of fields) {
      const def = obj.fields[field];
      if (field === 'owner' || def?.type === 'user') await this.users(field, rows);
      else if (def && isManyToOne(def)) await this.records(reader, set, def.target, field, rows);
    }
  }

  private async records(reader: ImportReader, set: MetadataSet, target: string, field: string, rows: PreparedRow[]): Promise<void> {
    const obj = findObject(set, target);
    const titleDef = obj?.fields[obj.titleField];
    const titleColumn = titleDef && !reader.access.hiddenFor?.(target)?.has(obj!.titleField) ? columnName(obj!.titleField, titleDef) : undefined;
    const wanted = [...new Set(rows.map((r) => r.values[field]).filter((v): v is string => typeof v === 'string'))];
    const found = new Map<string, string[]>();
    for (let i = 0; i < wanted.length; i += CHUNK) {
      const chunk = wanted.slice(i, i + CHUNK);
      const params = new StatementParams();
      const where = compileWhere({ object: target, set, ctx: reader.ctx, access: reader.access, scope: reader.access.scopeFor?.(target) });
      const scoped = params.embed(`${where.from} WHERE ${where.where}`, where.params);
      const title = titleColumn ? `${quoteQualified('t0', titleColumn)}::text` : 'NULL::text';
      const byTitle = titleColumn ? ` OR ${title} = ANY(${params.add(chunk, 'text[]')})` : '';
      const hits = await this.db.query<{ id: string; title: string | null }>(
        `SELECT "t0"."id" AS id, ${title} AS title FROM ${scoped} AND ("t0"."id" = ANY(${params.add(chunk.filter(isUuid), 'uuid[]')})${byTitle})`, params.values);
      for (const h of hits) {
        found.set(h.id, [h.id]);
        if (h.title !== null) found.set(h.title, [...(found.get(h.title) ?? []).filter((x) => x !== h.id), h.id]);
      }
    }
    for (const r of rows) this.apply(r, field, found, (v) => `no ${target} "${v}" that you can read`);
  }

  private async users(field: string, rows: PreparedRow[]): Promise<void> {
    const wanted = [...new Set(rows.map((r) => r.values[field]).filter((v): v is string => typeof v === 'string'))];
    if (!wanted.length) return;
    const hits = await this.db.query<{ id: string; email: string; name: string }>(
      `SELECT id, lower(email) AS email, name FROM core."user" WHERE active AND (id = ANY($1::uuid[]) OR lower(email) = ANY($2::text[]) OR name = ANY($3::text[]))`,
      [wanted.filter(isUuid), wanted.map((w) => w.toLowerCase()), wanted]);
    const found = new Map<string, string[]>();
    const add = (key: string, id: string) => found.set(key, [...new Set([...(found.get(key) ?? []), id])]);
    for (const h of hits) {
      add(h.id, h.id);
      add(h.email, h.id);
      add(h.name, h.id);
    }
    for (const r of rows) this.apply(r, field, found, (v) => `no active user "${v}"`, (v) => v.toLowerCase());
  }

  private apply(r: PreparedRow, field: string, found: Map<string, string[]>, missing: (v: string) => string, alt?: (v: string) => string): void {
    const v = r.values[field];
    if (typeof v !== 'string') return;
    const ids = found.get(v) ?? (alt ? found.get(alt(v)) : undefined) ?? [];
    if (ids.length === 1) r.values[field] = ids[0];
    else r.problems.push({ path: `/${field}`, message: ids.length ? `"${v}" matches ${ids.length} records; use the id` : missing(v) });
  }
}
