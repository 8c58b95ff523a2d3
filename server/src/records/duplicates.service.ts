import { Injectable, Logger } from '@nestjs/common';
import type { DuplicateRule } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { badRequest } from '../common/problem.js';
import { Db } from '../database/db.js';
import { compileSelect, compileWhere, parseFilter, quoteIdent, readPage, type SelectRow } from '../query/index.js';
import { isUuid } from '../users/users.service.js';
import { duplicateMatch } from './lib/duplicate-conditions.js';
import { ReadScope } from './read-scope.service.js';
import { RecordReader } from './record-reader.service.js';
import { RecordsService, type ApiRecord } from './records.service.js';

const MAX_CANDIDATES = 20;

export interface Duplicate {
  record: ApiRecord;
  rule: DuplicateRule & { index: number };
  score: number;
}

/**
 * `GET /api/records/{object}/duplicates?recordId=`: records matching the object's duplicateRules,
 * best score first. Only what the caller may read takes part: the record's readable values are
 * matched, candidates come from the reader's scope, and they are returned through the compiler.
 */
@Injectable()
export class DuplicatesService {
  private readonly logger = new Logger('duplicates');
  private trigram: Promise<string | null> | null = null;

  constructor(private readonly db: Db, private readonly records: RecordsService, private readonly reader: RecordReader, private readonly scopes: ReadScope) {}

  async find(user: CurrentUser, object: string, raw: Record<string, unknown>): Promise<{ data: Duplicate[] }> {
    const obj = this.records.objectOrThrow(object);
    const recordId = recordIdParam(raw);
    const record = await this.reader.getOrThrow(user, object, recordId);
    const read = await this.scopes.of(user, object);
    const trigram = (obj.duplicateRules ?? []).some((r) => r.fuzzy) ? await this.trigramSchema() : null;
    const best = new Map<string, { rule: Duplicate['rule']; score: number }>();
    for (const [index, rule] of (obj.duplicateRules ?? []).entries()) {
      const where = compileWhere({ object, set: read.set, ctx: read.ctx, access: read, scope: read.scope });
      const params = [...where.params];
      const bind = (v: unknown) => `$${params.push(v)}`;
      const match = duplicateMatch(obj, rule, record, bind, trigram);
      if (!match) continue;
      const rows = await this.db.query<{ id: string; score: number }>(
        `SELECT "t0"."id" AS "id", ${match.score} AS "score" FROM ${where.from}`
        + ` WHERE ${where.where} AND "t0"."id" <> ${bind(recordId)} AND ${match.conditions.join(' AND ')}`
        + ` ORDER BY 2 DESC, 1 LIMIT ${MAX_CANDIDATES}`, params);
      for (const r of rows) {
        if ((best.get(r.id)?.score ?? -1) < r.score) best.set(r.id, { rule: { index, ...rule }, score: Math.round(r.score * 1000) / 1000 });
      }
    }
    if (!best.size) return { data: [] };
    const filter = parseFilter({ id: { $in: [...best.keys()] } }, { object, set: read.set });
    const compiled = compileSelect({ ...read, filter, limit: MAX_CANDIDATES * Math.max(1, obj.duplicateRules?.length ?? 1) });
    const { data } = readPage(await this.db.query<SelectRow<ApiRecord>>(compiled.sql, compiled.params), compiled);
    return { data: data.map((r) => ({ record: r, ...best.get(r.id)! })).sort((a, b) => b.score - a.score || a.record.id.localeCompare(b.record.id)) };
  }

  /** Schema of pg_trgm's similarity(), installing the extension when allowed; null = exact matching only. */
  private trigramSchema(): Promise<string | null> {
    this.trigram ??= (async () => {
      const find = () => this.db.query<{ schema: string }>(`SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pg_trgm'`);
      let [row] = await find();
      if (!row) {
        await this.db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm').catch((e: Error) => this.logger.warn({ msg: 'pg_trgm is not available; fuzzy duplicate rules match exactly', err: e.message }));
        [row] = await find();
      }
      return row ? quoteIdent(row.schema) : null;
    })();
    return this.trigram;
  }
}

function recordIdParam(raw: Record<string, unknown>): string {
  const unknown = Object.keys(raw).filter((k) => k !== 'recordId');
  if (unknown.length) throw badRequest(`Unknown query parameter(s): ${unknown.join(', ')}`, unknown.map((k) => ({ path: `/${k}`, message: 'is not a parameter of duplicates' })));
  if (typeof raw.recordId !== 'string' || !isUuid(raw.recordId)) throw badRequest('recordId must be a record id', [{ path: '/recordId', message: 'must be a uuid' }]);
  return raw.recordId;
}
