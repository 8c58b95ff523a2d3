import { parseCondition } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { fixtureContext } from '../fixtures/crm-ids.fixture.js';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import { QueryError } from '../query-error.js';
import { compileAggregate, type AggregateOptions } from './compile-aggregate.js';
import { compileCount } from './compile-count.js';

const set = crmSet();
const ctx = fixtureContext();
const aggregate = (o: Partial<AggregateOptions>) => compileAggregate({ set, ctx, object: 'opportunity', groupBy: [], metrics: [{ fn: 'count' }], ...o });

describe('compileAggregate', () => {
  it('groups and names metrics as API.md does (stage, sum_amount, count)', () => {
    expect(aggregate({ groupBy: ['stage'], metrics: [{ fn: 'sum', field: 'amount' }, { fn: 'count' }] })).toEqual({
      sql: 'SELECT json_build_object(\'stage\', "t0"."stage", \'sum_amount\', sum("t0"."amount"), \'count\', count(*)) AS "row"'
        + ' FROM "data"."opportunity" AS "t0" WHERE "t0"."deleted_at" IS NULL GROUP BY "t0"."stage" ORDER BY "t0"."stage" ASC NULLS LAST LIMIT $1',
      params: [1000],
    });
  });

  it('groups through joins and by formulas, sorts by metric keys, and reads the same rows as a list (filter, scope, q)', () => {
    expect(aggregate({
      groupBy: ['account.industry', 'big'], metrics: [{ fn: 'avg', field: 'weighted' }, { fn: 'max', field: 'closed_at' }, { fn: 'count', field: 'close_date' }],
      sort: [{ key: 'avg_weighted', dir: 'desc' }], limit: 10,
      filter: parseCondition({ stage: { $ne: 'lost' } }, { object: 'opportunity', set }).ast!,
      scope: parseCondition({ owner: { $in: '$user.team' } }, { object: 'opportunity', set }).ast!,
      q: 'a',
    })).toEqual({
      sql: 'SELECT json_build_object(\'account.industry\', "t1"."industry", \'big\', CASE WHEN ("t0"."amount" >= $1::numeric) THEN TRUE ELSE FALSE END,'
        + ' \'avg_weighted\', avg((CAST(("t0"."amount" * "t0"."probability") AS numeric) / NULLIF($2::numeric, 0))),'
        + ' \'max_closed_at\', to_char(max("t0"."closed_at") AT TIME ZONE \'UTC\', \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\'), \'count_close_date\', count("t0"."close_date")) AS "row"'
        + ' FROM "data"."opportunity" AS "t0" LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL'
        + ' WHERE "t0"."deleted_at" IS NULL AND "t0"."owner" = ANY($3) AND "t0"."stage" IS DISTINCT FROM $4 AND ("t0"."name" ILIKE $5 OR "t0"."code" ILIKE $5)'
        + ' GROUP BY "t1"."industry", CASE WHEN ("t0"."amount" >= $1::numeric) THEN TRUE ELSE FALSE END'
        + ' ORDER BY avg((CAST(("t0"."amount" * "t0"."probability") AS numeric) / NULLIF($2::numeric, 0))) DESC NULLS FIRST LIMIT $6',
      params: [100000, 100, ctx.teamUserIds, 'lost', '%a%', 10],
    });
  });

  it('without groups, one row over everything', () => {
    expect(aggregate({ metrics: [{ fn: 'count' }] }).sql).toBe(
      'SELECT json_build_object(\'count\', count(*)) AS "row" FROM "data"."opportunity" AS "t0" WHERE "t0"."deleted_at" IS NULL LIMIT $1',
    );
  });

  it.each([
    ['unknown fn', { metrics: [{ fn: 'median', field: 'amount' }] }, 422, [{ path: '/metrics/0/fn', message: 'must be count, sum, avg, min or max' }]],
    ['fn injection', { metrics: [{ fn: 'sum); DROP TABLE x; --', field: 'amount' }] }, 422, [{ path: '/metrics/0/fn', message: 'must be count, sum, avg, min or max' }]],
    ['sum of text', { metrics: [{ fn: 'sum', field: 'name' }] }, 422, [{ path: '/metrics/0/field', message: 'sum does not apply to the text field "name"' }]],
    ['sum without a field', { metrics: [{ fn: 'sum' }] }, 422, [{ path: '/metrics/0/field', message: 'sum needs a field' }]],
    ['no metrics', { metrics: [] }, 422, [{ path: '/metrics', message: 'takes 1 to 20 metrics' }]],
    ['twice the same metric', { metrics: [{ fn: 'count' }, { fn: 'count' }] }, 422, [{ path: '/metrics', message: 'the same metric is asked for twice' }]],
    ['unknown group field', { groupBy: ['nope'] }, 422, [{ path: '/groupBy/0', message: 'unknown field "nope" on opportunity' }]],
    ['group by manyToMany', { groupBy: ['tags'] }, 422, [{ path: '/groupBy/0', message: 'cannot group by the relation field "tags"' }]],
    ['sort by something else', { sort: [{ key: 'amount', dir: 'asc' }] }, 422, [{ path: '/sort/0', message: 'must name a group field or a metric (e.g. sum_amount)' }]],
    ['sort direction injection', { sort: [{ key: 'count', dir: 'desc; --' }] }, 422, [{ path: '/sort/0/dir', message: 'must be asc or desc' }]],
    ['limit above 1000', { limit: 1001 }, 422, [{ path: '/limit', message: 'must be an integer from 1 to 1000' }]],
    ['group by a hidden field', { groupBy: ['amount'], hiddenFields: new Set(['amount']) }, 403, [{ path: '/groupBy/0', message: '"amount" names a field you cannot read' }]],
    ['metric over a hidden field', { metrics: [{ fn: 'max', field: 'account.annual_revenue' }], hiddenFor: (o: string) => (o === 'account' ? new Set(['annual_revenue']) : undefined) }, 403,
      [{ path: '/metrics/0/field', message: '"account.annual_revenue" names a field you cannot read' }]],
  ] as const)('refuses %s', (_, options, status, errors) => {
    try {
      aggregate(options as unknown as Partial<AggregateOptions>);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QueryError);
      expect({ status: (e as QueryError).status, errors: (e as QueryError).errors }).toEqual({ status, errors });
    }
  });
});

describe('compileCount', () => {
  it('counts the rows a list would page through: the same filter, scope, q and bin', () => {
    expect(compileCount({
      set, ctx, object: 'opportunity', deleted: true, q: 'x',
      filter: parseCondition({ 'account.industry': 'retail' }, { object: 'opportunity', set }).ast!,
      scope: parseCondition({ owner: '$user.id' }, { object: 'opportunity', set }).ast!,
    })).toEqual({
      sql: 'SELECT CAST(count(*) AS double precision) AS "total" FROM "data"."opportunity" AS "t0"'
        + ' LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL'
        + ' WHERE "t0"."deleted_at" IS NOT NULL AND "t0"."owner" = $1 AND "t1"."industry" = $2 AND ("t0"."name" ILIKE $3 OR "t0"."code" ILIKE $3)',
      params: [ctx.userId, 'retail', '%x%'],
    });
  });

  it('refuses a filter on a hidden field (a count is an oracle too)', () => {
    expect(() => compileCount({
      set, ctx, object: 'opportunity', hiddenFields: new Set(['amount']),
      filter: parseCondition({ amount: { $gt: 1 } }, { object: 'opportunity', set }).ast!,
    })).toThrow(QueryError);
  });
});
