import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../auth/current-user.js';
import { parseBody } from '../common/parse-body.js';
import { Db } from '../database/db.js';
import { compileAggregate, parseFilter, type AggregateOptions, type Metric } from '../query/index.js';
import { ReadScope } from './read-scope.service.js';
import { RecordsService } from './records.service.js';

interface AggregateBody {
  filter?: unknown;
  q?: string;
  groupBy?: string[];
  metrics: Metric[];
  sort?: AggregateOptions['sort'];
  limit?: number;
}

const path = { type: 'string', minLength: 1, maxLength: 200 };
const schema = {
  type: 'object', additionalProperties: false, required: ['metrics'],
  properties: {
    filter: { type: 'object' },
    q: { type: 'string', maxLength: 200 },
    groupBy: { type: 'array', maxItems: 10, items: path },
    metrics: {
      type: 'array', minItems: 1, maxItems: 20,
      items: { type: 'object', additionalProperties: false, required: ['fn'], properties: { fn: { enum: ['count', 'sum', 'avg', 'min', 'max'] }, field: path } },
    },
    sort: {
      type: 'array', maxItems: 10,
      items: { type: 'object', additionalProperties: false, required: ['key'], properties: { key: path, dir: { enum: ['asc', 'desc'] } } },
    },
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
  },
};

/**
 * `POST /api/records/{object}/aggregate`: groups and metrics over the rows a list would show the
 * caller (same scope, hidden fields 403), compiled by compileAggregate → `{ data: [ { stage, sum_amount, count } ] }`.
 */
@Injectable()
export class AggregateService {
  constructor(private readonly db: Db, private readonly records: RecordsService, private readonly scopes: ReadScope) {}

  async aggregate(user: CurrentUser, object: string, body: unknown): Promise<{ data: Record<string, unknown>[] }> {
    this.records.objectOrThrow(object);
    const b = parseBody<AggregateBody>(schema, body);
    const read = await this.scopes.of(user, object);
    const filter = b.filter === undefined ? undefined : parseFilter(b.filter, { object, set: read.set, path: '/filter', status: 422 });
    const sort = b.sort?.map((s) => ({ key: s.key, dir: s.dir ?? 'asc' }));
    const compiled = compileAggregate({ ...read, filter, q: b.q, groupBy: b.groupBy ?? [], metrics: b.metrics, sort, limit: b.limit });
    const rows = await this.db.query<{ row: Record<string, unknown> }>(compiled.sql, compiled.params);
    return { data: rows.map((r) => r.row) };
  }
}
