import type { RollupFieldDef } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { fixtureContext } from '../fixtures/crm-ids.fixture.js';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import { QueryError } from '../query-error.js';
import { compileRollup } from './compile-rollup.js';
import { createCompileState } from './compile-state.js';

const set = crmSet();

function rollup(def: Omit<RollupFieldDef, 'type'>, owner = 'account') {
  const state = createCompileState(set, fixtureContext());
  return { sql: compileRollup(state, 't0', owner, 'r', { type: 'rollup', ...def }), params: state.params.values };
}

const LIVE = 'WHERE "r1"."account_id" = "t0"."id" AND "r1"."deleted_at" IS NULL';

describe('compileRollup: a correlated subquery over the live child rows', () => {
  it.each([
    ['count is never NULL', { fn: 'count' }, `COALESCE((SELECT count(*) FROM "data"."opportunity" AS "r1" ${LIVE}), 0)`, []],
    ['sum', { fn: 'sum', field: 'amount' }, `(SELECT sum("r1"."amount") FROM "data"."opportunity" AS "r1" ${LIVE})`, []],
    ['avg', { fn: 'avg', field: 'probability' }, `(SELECT avg("r1"."probability") FROM "data"."opportunity" AS "r1" ${LIVE})`, []],
    ['min of a date', { fn: 'min', field: 'close_date' }, `(SELECT min("r1"."close_date") FROM "data"."opportunity" AS "r1" ${LIVE})`, []],
    ['max of a formula', { fn: 'max', field: 'weighted' },
      `(SELECT max((CAST(("r1"."amount" * "r1"."probability") AS numeric) / NULLIF($1::numeric, 0))) FROM "data"."opportunity" AS "r1" ${LIVE})`, [100]],
    ['with a filter', { fn: 'sum', field: 'amount', filter: { stage: { $in: ['won'] }, owner: '$user.id' } },
      `(SELECT sum("r1"."amount") FROM "data"."opportunity" AS "r1" ${LIVE} AND ("r1"."stage" = ANY($1) AND "r1"."owner" = $2))`,
      [['won'], fixtureContext().userId]],
    ['with a filter through a join', { fn: 'count', filter: { 'contact.vip': true } },
      'COALESCE((SELECT count(*) FROM "data"."opportunity" AS "r1" LEFT JOIN "data"."contact" AS "t1" ON "t1"."id" = "r1"."contact_id" AND "t1"."deleted_at" IS NULL'
        + ` ${LIVE} AND "t1"."vip" = $1), 0)`, [true]],
  ] as const)('%s', (_, def, sql, params) => {
    expect(rollup({ object: 'opportunity', relation: 'account', ...def } as Omit<RollupFieldDef, 'type'>)).toEqual({ sql, params });
  });

  it.each([
    ['a relation that does not point at the owner', { object: 'opportunity', relation: 'contact', fn: 'count' }],
    ['an unknown field', { object: 'opportunity', relation: 'account', fn: 'sum', field: 'nope' }],
    ['sum without a field', { object: 'opportunity', relation: 'account', fn: 'sum' }],
    ['a filter that does not parse', { object: 'opportunity', relation: 'account', fn: 'count', filter: { nope: 1 } }],
  ] as const)('refuses %s (422)', (_, def) => {
    expect(() => rollup(def as Omit<RollupFieldDef, 'type'>)).toThrow(QueryError);
  });
});
