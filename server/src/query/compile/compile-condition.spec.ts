import { parseCondition, type ConditionNode } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { CONDITION_CASES } from '../fixtures/condition-cases.fixture.js';
import { fixtureContext } from '../fixtures/crm-ids.fixture.js';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import type { ReadAccess } from '../plan/compile-state.js';
import { Source } from '../plan/source.js';
import { QueryError } from '../query-error.js';
import { compileCondition } from './compile-condition.js';
import { createCompileState } from './compile-state.js';

const set = crmSet();

function parse(filter: unknown, object = 'opportunity', s = set): ConditionNode {
  const parsed = parseCondition(filter, { object, set: s });
  if (!parsed.ast) throw new Error(JSON.stringify(parsed.errors));
  return parsed.ast;
}

function compile(filter: unknown, object = 'opportunity', access: ReadAccess = {}, s = set) {
  const state = createCompileState(s, fixtureContext(), access);
  const source = new Source(object, 't0', true);
  const sql = compileCondition(parse(filter, object, s), source, state);
  const joins = source.joinSql().join(' ');
  return { ...(joins ? { joins } : {}), sql, params: state.params.values };
}

describe('compileCondition: every operator, exact SQL', () => {
  it.each(CONDITION_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(compile(c.filter, c.object)).toEqual({ ...(c.joins ? { joins: c.joins } : {}), sql: c.sql, params: c.params });
  });

  it('numbers its parameters in order and uses every one it binds', () => {
    for (const c of CONDITION_CASES) {
      const used = new Set([...c.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
      expect([...used].sort((a, b) => a - b)).toEqual(c.params.map((_, i) => i + 1));
    }
  });
});

describe('compileCondition: read scopes of joined objects', () => {
  const ownAccounts: ReadAccess = { scopeFor: (o) => (o === 'account' ? parse({ owner: '$user.id' }, 'account') : undefined) };

  it('joins a row outside the caller’s scope as NULL, so it can neither match nor be read', () => {
    expect(compile({ 'account.industry': 'retail' }, 'opportunity', ownAccounts)).toEqual({
      joins: 'LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL AND "t1"."owner" = $1',
      sql: '"t1"."industry" = $2',
      params: [fixtureContext().userId, 'retail'],
    });
  });

  it('nests the joins a scope needs inside the join it guards, and does not scope them again', () => {
    const access: ReadAccess = { scopeFor: (o) => (o === 'account' ? parse({ 'parent.owner': '$user.id' }, 'account') : undefined) };
    expect(compile({ 'account.name': 'Acme' }, 'opportunity', access)).toEqual({
      joins: 'LEFT JOIN ("data"."account" AS "t1" LEFT JOIN "data"."account" AS "t2" ON "t2"."id" = "t1"."parent_id" AND "t2"."deleted_at" IS NULL)'
        + ' ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL AND "t2"."owner" = $1',
      sql: '"t1"."name" = $2',
      params: [fixtureContext().userId, 'Acme'],
    });
  });

  it('scopes manyToMany targets too', () => {
    const access: ReadAccess = { scopeFor: (o) => (o === 'tag' ? parse({ color: { $ne: 'green' } }, 'tag') : undefined) };
    expect(compile({ tags: { $empty: false } }, 'opportunity', access).sql).toBe(
      'EXISTS (SELECT 1 FROM "data"."tag" AS "e1" JOIN "data"."opportunity__tags" AS "m1" ON "m1"."target_id" = "e1"."id"'
        + ' WHERE "m1"."source_id" = "t0"."id" AND "e1"."deleted_at" IS NULL AND "e1"."color" IS DISTINCT FROM $1)',
    );
  });

  it('leaves the join plain when the scope is everything', () => {
    const all: ReadAccess = { scopeFor: () => ({ kind: 'and', items: [] }) };
    expect(compile({ 'account.industry': 'retail' }, 'opportunity', all).joins).toBe(
      'LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL',
    );
  });

  it('a scope of nothing makes every joined row NULL', () => {
    const none: ReadAccess = { scopeFor: () => ({ kind: 'or', items: [] }) };
    expect(compile({ 'account.industry': 'retail' }, 'opportunity', none).joins).toBe(
      'LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL AND FALSE',
    );
  });
});

describe('compileCondition: formulas that cannot compile', () => {
  it('stops a formula that refers to itself (422)', () => {
    const s = crmSet();
    s.objects.opportunity!.fields.loop_a = { type: 'formula', expression: 'loop_b + 1', resultType: 'number' };
    s.objects.opportunity!.fields.loop_b = { type: 'formula', expression: 'loop_a + 1', resultType: 'number' };
    const error = (() => {
      try {
        compile({ loop_a: { $gt: 1 } }, 'opportunity', {}, s);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(QueryError);
    expect((error as QueryError).status).toBe(422);
    expect((error as QueryError).message).toContain('opportunity.loop_a → opportunity.loop_b → opportunity.loop_a');
  });
});
