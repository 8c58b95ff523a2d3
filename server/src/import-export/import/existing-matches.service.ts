import { Injectable } from '@nestjs/common';
import { parseCondition, type ConditionJson, type MetadataSet, type ObjectDef } from '@loom/metadata';
import { Db } from '../../database/db.js';
import { scopedRowsSql } from '../../analytics/lib/scoped-rows-sql.js';
import { StatementParams } from '../../analytics/lib/statement-params.js';
import { matchKey } from './lib/match-rows.js';
import type { ImportReader } from './row-lookups.service.js';

const CHUNK = 200;

/**
 * The existing records each row matches on a rule, among the records the importer may read
 * (through the query compiler with the caller's scope): `Map<row, ids>`, only rows with a match.
 */
@Injectable()
export class ExistingMatches {
  constructor(private readonly db: Db) {}

  async find(reader: ImportReader, set: MetadataSet, obj: ObjectDef, fields: string[], rows: { row: number; values: Record<string, unknown> }[]): Promise<Map<number, string[]>> {
    const keyed = rows.map((r) => ({ row: r.row, key: matchKey(r.values, fields), values: r.values })).filter((r) => r.key !== null);
    const idsByKey = new Map<string, string[]>();
    for (let i = 0; i < keyed.length; i += CHUNK) {
      const chunk = keyed.slice(i, i + CHUNK);
      const json: ConditionJson = fields.length === 1
        ? { [fields[0]!]: { $in: [...new Set(chunk.map((r) => r.values[fields[0]!]))] } }
        : { $or: chunk.map((r) => Object.fromEntries(fields.map((f) => [f, r.values[f]]))) } as ConditionJson;
      const filter = parseCondition(json, { object: obj.name, set }).ast;
      if (!filter) continue; // a value no record can hold (a malformed id): nothing matches
      const params = new StatementParams();
      const columns = Object.fromEntries([['id', 'id'], ...fields.map((f, n) => [`m${n}`, f])]);
      const sql = scopedRowsSql({ object: obj.name, set, ctx: reader.ctx, access: reader.access, columns, filter }, params);
      for (const hit of await this.db.query<Record<string, unknown> & { id: string }>(sql, params.values)) {
        const key = matchKey(Object.fromEntries(fields.map((f, n) => [f, hit[`m${n}`]])), fields)!;
        idsByKey.set(key, [...(idsByKey.get(key) ?? []), hit.id]);
      }
    }
    const out = new Map<number, string[]>();
    for (const r of keyed) {
      const ids = idsByKey.get(r.key!);
      if (ids) out.set(r.row, ids);
    }
    return out;
  }
}
