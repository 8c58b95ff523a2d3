import { parseFormula } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { fixtureContext } from '../fixtures/crm-ids.fixture.js';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import { FORMULA_CASES } from '../fixtures/formula-cases.fixture.js';
import { Source } from '../plan/source.js';
import { QueryError } from '../query-error.js';
import { compileFormula } from './compile-formula.js';
import { createCompileState } from './compile-state.js';
import { fieldExpr } from './field-expression.js';

const set = crmSet();
const ACCOUNT = 'LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL';

function compile(expression: string, object = 'opportunity') {
  const state = createCompileState(set, fixtureContext());
  const source = new Source(object, 't0', true);
  const { sql, type } = compileFormula(state, source, parseFormula(expression).ast!, { object, base: [] });
  const joins = source.joinSql().join(' ');
  return { ...(joins ? { joins } : {}), sql, type, params: state.params.values };
}

describe('compileFormula: formula AST → SQL expression', () => {
  it.each(FORMULA_CASES.map((c) => [c.expression, c] as const))('%s', (_, c) => {
    expect(compile(c.expression)).toEqual({ sql: c.sql, type: c.type, params: c.params });
  });

  it('divides integers as numbers, not integer division', () => {
    expect(compile('visits / 2', 'contact').sql).toBe('(CAST("t0"."visits" AS numeric) / NULLIF($1::numeric, 0))');
  });

  it('follows dotted references through joins, shared with the rest of the statement', () => {
    expect(compile('account.name & "/" & account.parent.name')).toEqual({
      joins: `${ACCOUNT} LEFT JOIN "data"."account" AS "t2" ON "t2"."id" = "t1"."parent_id" AND "t2"."deleted_at" IS NULL`,
      sql: 'concat(concat("t1"."name", $1::text), "t2"."name")',
      type: 'text',
      params: ['/'],
    });
  });

  it('reads formulas and rollups of related records', () => {
    expect(compile('account.revenue_k * 2 + account.open_amount')).toEqual({
      joins: ACCOUNT,
      sql: '(((CAST("t1"."annual_revenue" AS numeric) / NULLIF($1::numeric, 0)) * $2::numeric) + (SELECT sum("r1"."amount") FROM "data"."opportunity" AS "r1"'
        + ' WHERE "r1"."account_id" = "t1"."id" AND "r1"."deleted_at" IS NULL AND ("r1"."stage" IS NULL OR "r1"."stage" <> ALL($3))))',
      type: 'number',
      params: [1000, 2, ['won', 'lost']],
    });
  });
});

describe('formula fields', () => {
  const field = (name: string, s = set) => {
    const state = createCompileState(s, fixtureContext());
    return fieldExpr(state, new Source('opportunity', 't0', true), { object: 'opportunity', name, def: s.objects.opportunity!.fields[name]!, joins: [] });
  };

  it('compile as their expression, with the kind of their result type', () => {
    expect(field('weighted')).toEqual({ sql: '(CAST(("t0"."amount" * "t0"."probability") AS numeric) / NULLIF($1::numeric, 0))', kind: 'number' });
    expect(field('big').kind).toBe('boolean');
  });

  it('refuse (422) a formula that no longer types against the metadata', () => {
    const s = crmSet();
    s.objects.opportunity!.fields.broken = { type: 'formula', expression: 'name * 2', resultType: 'number' };
    s.objects.opportunity!.fields.gone = { type: 'formula', expression: 'nope + 1', resultType: 'number' };
    for (const name of ['broken', 'gone']) {
      expect(() => field(name, s)).toThrow(QueryError);
      try {
        field(name, s);
      } catch (e) {
        expect((e as QueryError).status).toBe(422);
      }
    }
  });
});
