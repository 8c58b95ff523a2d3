// The compiled statements on a real PostgreSQL: every condition case returns exactly the rows
// evaluateCondition accepts on the same records, and lists, pages, expands, counts and
// aggregates return the documented shapes.
import { evaluateCondition, findObject, isManyToOne, parseCondition, type ConditionVariables } from '@loom/metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compileAggregate, compileCount, compileGet, compileSelect, compileWhere, parseListQuery, readPage,
  type SelectOptions, type SelectRow,
} from '../../src/query/index.js';
import { CONDITION_CASES } from '../../src/query/fixtures/condition-cases.fixture.js';
import { FORMULA_CASES } from '../../src/query/fixtures/formula-cases.fixture.js';
import { ACCOUNTS, CONTACTS, OPPORTUNITIES, TAGS, USERS, fixtureContext } from '../../src/query/fixtures/crm-ids.fixture.js';
import { crmSet } from '../../src/query/fixtures/crm-set.fixture.js';
import { useCrmDatabase } from './crm-database.js';

type Json = Record<string, unknown>;
const set = crmSet();
const ctx = fixtureContext();
const base = { set, ctx };
const crm = useCrmDatabase();

async function run<T = Json>(q: { sql: string; params: unknown[] }): Promise<T[]> {
  return (await crm.client.query(q.sql, q.params)).rows as T[];
}

async function list(options: Omit<SelectOptions, 'set' | 'ctx' | 'limit'> & { limit?: number }) {
  const compiled = compileSelect({ ...base, limit: 500, ...options });
  return readPage(await run<SelectRow<Json>>(compiled), compiled);
}

describe('conditions: PostgreSQL agrees with evaluateCondition', () => {
  const records = new Map<string, Json[]>();
  const vars: ConditionVariables = {
    user: { id: ctx.userId, team: ctx.teamUserIds, subordinates: ctx.subordinateIds }, now: ctx.now, today: ctx.today,
  };

  beforeAll(async () => {
    for (const object of ['account', 'contact', 'opportunity', 'tag']) records.set(object, (await list({ object })).data);
  });

  /** A record as evaluateCondition reads dotted paths: manyToOne ids replaced by the live target, nested. */
  function nested(object: string, record: Json, depth = 3): Json {
    if (depth === 0) return record;
    const out = { ...record };
    for (const [name, def] of Object.entries(findObject(set, object)!.fields)) {
      if (!isManyToOne(def) || typeof out[name] !== 'string') continue;
      const target = records.get(def.target)!.find((r) => r.id === out[name]);
      if (target) out[name] = nested(def.target, target, depth - 1);
    }
    return out;
  }

  /**
   * Where evaluateCondition departs from ast.ts, the documented rows. It turns a datetime into
   * milliseconds before its anniversary test, so `$anniversary` on a datetime never matches there.
   */
  const EVALUATOR_GAPS: Record<string, string[]> = { 'anniversary of a datetime with $today': ['Gamma', 'epsilon'] };

  it.each(CONDITION_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const object = c.object ?? 'opportunity';
    const ast = parseCondition(c.filter, { object, set }).ast!;
    const where = compileWhere({ ...base, object, filter: ast });
    const rows = await run<{ name: string }>({ sql: `SELECT "t0"."name" FROM ${where.from} WHERE ${where.where} ORDER BY 1`, params: where.params });
    const expected = EVALUATOR_GAPS[c.name]
      ?? records.get(object)!.filter((r) => evaluateCondition(ast, nested(object, r), vars)).map((r) => r.name);
    expect(rows.map((r) => r.name).sort()).toEqual([...expected].sort());
  });

  it('the cases are not vacuous: most match some rows and some rows fail them', async () => {
    let discriminating = 0;
    for (const c of CONDITION_CASES) {
      const where = compileWhere({ ...base, object: c.object ?? 'opportunity', filter: parseCondition(c.filter, { object: c.object ?? 'opportunity', set }).ast! });
      const [{ n }] = await run<{ n: number }>({ sql: `SELECT count(*)::int AS n FROM ${where.from} WHERE ${where.where}`, params: where.params });
      const total = records.get(c.object ?? 'opportunity')!.length;
      if (n > 0 && n < total) discriminating++;
    }
    expect(discriminating).toBeGreaterThan(CONDITION_CASES.length * 0.7);
  });
});

describe('formulas: valid SQL with the documented values', () => {
  it.each(FORMULA_CASES.map((c) => [c.expression, c] as const))('%s', async (_, c) => {
    const s = crmSet();
    s.objects.opportunity!.fields.f = { type: 'formula', expression: c.expression, resultType: c.type };
    const alpha = parseCondition({ name: 'Alpha' }, { object: 'opportunity', set: s }).ast!;
    const compiled = compileSelect({ set: s, ctx, object: 'opportunity', limit: 5, fields: ['f'], filter: alpha });
    expect(readPage(await run<SelectRow<Json>>(compiled), compiled).data).toEqual([{ id: OPPORTUNITIES[0], f: c.alpha }]);
    // Usable in filters and sorts like any field.
    const filter = parseCondition({ f: { $exists: true } }, { object: 'opportunity', set: s }).ast!;
    await run(compileSelect({ set: s, ctx, object: 'opportunity', limit: 5, fields: ['f'], filter, sort: [{ field: 'f', dir: 'desc' }] }));
  });
});

describe('compileSelect', () => {
  it('builds the API record in PostgreSQL: relation ids under the field name, dates, UTC datetimes, numbers, arrays', async () => {
    const { data } = await list({ object: 'opportunity', filter: parseCondition({ name: 'Alpha' }, { object: 'opportunity', set }).ast! });
    expect(data).toHaveLength(1);
    const r = data[0]!;
    expect(Object.keys(r)).toEqual([
      'id', 'name', 'code', 'account', 'contact', 'amount', 'cost', 'probability', 'discount', 'quantity', 'stage', 'priority',
      'features', 'keywords', 'tags', 'reviewer', 'open_date', 'close_date', 'closed_at', 'strategic', 'loss_reason', 'description',
      'meta', 'score', 'weighted', 'margin', 'label', 'account_path', 'age_days', 'big',
      'owner', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version',
    ]);
    expect(r).toMatchObject({
      id: OPPORTUNITIES[0], account: ACCOUNTS[0], contact: CONTACTS[0], amount: 150000, probability: 50, quantity: 3,
      features: ['api', 'sso'], keywords: ['renewal'], tags: [TAGS[0], TAGS[1]], open_date: '2024-01-10', closed_at: null,
      created_at: '2024-01-01T08:00:00.000Z', meta: { region: 'eu' }, weighted: 75000, label: 'Alpha @ Acme', age_days: 112,
      big: true, owner: USERS[0], version: 1,
    });
  });

  it('formats datetimes as ISO 8601 UTC whatever the session time zone', async () => {
    await crm.client.query(`SET TIME ZONE 'Asia/Shanghai'`);
    try {
      const { data } = await list({ object: 'opportunity', fields: ['closed_at'], filter: parseCondition({ name: 'Gamma' }, { object: 'opportunity', set }).ast! });
      expect(data).toEqual([{ id: OPPORTUNITIES[2], closed_at: '2024-05-01T10:00:00.000Z' }]);
    } finally {
      await crm.client.query('SET TIME ZONE UTC');
    }
  });

  it('projects dotted fields as nested objects, null when the related row is gone', async () => {
    const { data } = await list({ object: 'opportunity', fields: ['name', 'account.name', 'account.parent.name'], sort: [{ field: 'created_at', dir: 'asc' }] });
    expect(data).toEqual([
      { id: OPPORTUNITIES[0], name: 'Alpha', account: { id: ACCOUNTS[0], name: 'Acme', parent: null } },
      { id: OPPORTUNITIES[1], name: 'Beta 50%_off', account: { id: ACCOUNTS[1], name: 'Globex', parent: { id: ACCOUNTS[0], name: 'Acme' } } },
      { id: OPPORTUNITIES[2], name: 'Gamma', account: { id: ACCOUNTS[2], name: 'Initech', parent: { id: ACCOUNTS[1], name: 'Globex' } } },
      { id: OPPORTUNITIES[3], name: 'Delta', account: null }, // its account is soft-deleted
      { id: OPPORTUNITIES[4], name: 'epsilon', account: null },
    ]);
  });

  it('expands manyToOne, oneToMany, manyToMany and users in one statement, leaving out deleted targets', async () => {
    const { data } = await list({ object: 'opportunity', fields: ['name'], expand: ['account', 'tags', 'owner'], sort: [{ field: 'name', dir: 'asc' }] });
    const byName = Object.fromEntries(data.map((r) => [r.name, r]));
    expect(byName.Alpha!.account).toMatchObject({ id: ACCOUNTS[0], title: 'Acme', name: 'Acme', industry: 'retail', open_amount: 150000 });
    expect((byName.Alpha!.tags as Json[]).map((t) => t.title)).toEqual(['hot', 'cold']);
    expect(byName['Beta 50%_off']!.tags).toEqual([]); // its only tag is soft-deleted
    expect(byName.Delta!.account).toBeNull(); // soft-deleted account
    expect(byName.Alpha!.owner).toEqual({ id: USERS[0], title: 'Una', name: 'Una', email: 'una@loom.test' });
    const accounts = (await list({ object: 'account', fields: ['name'], expand: ['contacts', 'opportunities'] })).data;
    const acme = accounts.find((a) => a.name === 'Acme')!;
    expect((acme.contacts as Json[]).map((c) => c.name)).toEqual(['Ann']);
    expect((acme.opportunities as Json[]).map((o) => o.name)).toEqual(['Alpha']); // Zeta is deleted
  });

  it('applies the target’s scope and hidden fields to expands', async () => {
    const scopeFor = (o: string) => (o === 'account' ? parseCondition({ owner: '$user.id' }, { object: 'account', set }).ast! : undefined);
    const hiddenFor = (o: string) => (o === 'account' ? new Set(['annual_revenue']) : undefined);
    const { data } = await list({ object: 'opportunity', fields: ['name'], expand: ['account'], scopeFor, hiddenFor, sort: [{ field: 'name', dir: 'asc' }] });
    const byName = Object.fromEntries(data.map((r) => [r.name, r.account as Json | null]));
    expect(byName.Alpha).toMatchObject({ id: ACCOUNTS[0], title: 'Acme' }); // owned by the caller
    expect(byName.Alpha).not.toHaveProperty('annual_revenue');
    expect(byName.Alpha).not.toHaveProperty('revenue_k'); // a formula over annual_revenue would leak it
    expect(byName.Alpha).toHaveProperty('open_amount', 150000); // a rollup of amounts does not
    expect(byName['Beta 50%_off']).toBeNull(); // Globex belongs to someone else
  });

  it('searches searchFields with q, matching % and _ literally', async () => {
    expect((await list({ object: 'opportunity', q: '50%_' })).data.map((r) => r.name)).toEqual(['Beta 50%_off']);
    expect((await list({ object: 'opportunity', q: 'opp-000' })).data).toHaveLength(5);
    expect((await list({ object: 'opportunity', q: '%' })).data.map((r) => r.name)).toEqual(['Beta 50%_off']);
  });

  it('lists the bin with deleted=true', async () => {
    const { data } = await list({ object: 'opportunity', deleted: true, fields: ['name', 'deleted_at'] });
    expect(data).toEqual([{ id: OPPORTUNITIES[5], name: 'Zeta', deleted_at: '2024-01-10T08:00:00.000Z' }]);
  });

  it('gets one record by id, and nothing for a malformed id', async () => {
    const [row] = await run<{ record: Json }>(compileGet({ ...base, object: 'account', id: ACCOUNTS[1], fields: ['name', 'parent.name'] }));
    expect(row!.record).toEqual({ id: ACCOUNTS[1], name: 'Globex', parent: { id: ACCOUNTS[0], name: 'Acme' } });
    expect(await run(compileGet({ ...base, object: 'account', id: 'not-a-uuid' }))).toEqual([]);
    expect(await run(compileGet({ ...base, object: 'account', id: ACCOUNTS[3] }))).toEqual([]); // deleted
  });
});

describe('sorting and keyset pagination', () => {
  const sorts: SelectOptions['sort'][] = [
    [{ field: 'amount', dir: 'asc' }],
    [{ field: 'amount', dir: 'desc' }],
    [{ field: 'priority', dir: 'asc' }, { field: 'created_at', dir: 'desc' }],
    [{ field: 'priority', dir: 'desc' }, { field: 'amount', dir: 'asc' }],
    [{ field: 'closed_at', dir: 'desc' }],
    [{ field: 'strategic', dir: 'asc' }],
    [{ field: 'account.name', dir: 'asc' }],
    [{ field: 'weighted', dir: 'desc' }],
    [{ field: 'margin', dir: 'asc' }],
    undefined,
  ];

  it.each(sorts.map((s) => [JSON.stringify(s), s] as const))('walks every page of %s exactly once, in order', async (_, sort) => {
    const all = (await list({ object: 'opportunity', sort, fields: ['name'] })).data.map((r) => r.id);
    for (const size of [1, 2, 3]) {
      const seen: unknown[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const { data, nextCursor } = await list({ object: 'opportunity', sort, fields: ['name'], limit: size, cursor });
        seen.push(...data.map((r) => r.id));
        if (!nextCursor) break;
        cursor = nextCursor;
      }
      expect(seen).toEqual(all);
    }
  });

  it('puts NULLs last ascending and first descending, ties broken by id', async () => {
    const names = async (sort: SelectOptions['sort']) => (await list({ object: 'opportunity', sort, fields: ['name'] })).data.map((r) => r.name);
    expect(await names([{ field: 'amount', dir: 'asc' }])).toEqual(['Beta 50%_off', 'Delta', 'epsilon', 'Alpha', 'Gamma']);
    expect(await names([{ field: 'amount', dir: 'desc' }])).toEqual(['Gamma', 'Alpha', 'epsilon', 'Delta', 'Beta 50%_off']);
    expect(await names([{ field: 'priority', dir: 'asc' }])).toEqual(['Alpha', 'epsilon', 'Beta 50%_off', 'Delta', 'Gamma']);
  });

  it('pages with offset too', async () => {
    const sort: SelectOptions['sort'] = [{ field: 'name', dir: 'asc' }];
    const all = (await list({ object: 'opportunity', sort })).data.map((r) => r.id);
    expect((await list({ object: 'opportunity', sort, limit: 2, offset: 2 })).data.map((r) => r.id)).toEqual(all.slice(2, 4));
  });

  it('runs a parsed query string end to end', async () => {
    const query = parseListQuery({ filter: '{"stage":{"$nin":["won"]}}', sort: '-amount,name', limit: '2', fields: 'name,account.name', expand: 'owner' }, { object: 'opportunity', set });
    const page = await list({ object: 'opportunity', ...query });
    expect(page.data.map((r) => r.name)).toEqual(['Alpha', 'epsilon']);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await list({ object: 'opportunity', ...query, cursor: page.nextCursor! });
    expect(next.data.map((r) => r.name)).toEqual(['Delta', 'Beta 50%_off']);
    expect(next.nextCursor).toBeNull();
  });
});

describe('count and aggregate', () => {
  it('counts what the list would page through', async () => {
    const filter = parseCondition({ amount: { $gte: 500 } }, { object: 'opportunity', set }).ast!;
    expect(await run(compileCount({ ...base, object: 'opportunity', filter }))).toEqual([{ total: 3 }]);
    expect(await run(compileCount({ ...base, object: 'opportunity', q: 'A' }))).toEqual([{ total: 4 }]); // not epsilon
  });

  it('groups with enum functions and metric keys as in API.md', async () => {
    const rows = await run<{ row: Json }>(compileAggregate({
      ...base, object: 'opportunity', groupBy: ['account.industry'],
      metrics: [{ fn: 'sum', field: 'amount' }, { fn: 'count' }, { fn: 'max', field: 'closed_at' }, { fn: 'avg', field: 'weighted' }],
      sort: [{ key: 'count', dir: 'desc' }, { key: 'account.industry', dir: 'asc' }],
    }));
    expect(rows.map((r) => r.row)).toEqual([
      { 'account.industry': null, sum_amount: 100499.99, count: 2, max_closed_at: '2024-05-01T23:30:00.000Z', avg_weighted: 44999.9955 },
      { 'account.industry': 'finance', sum_amount: null, count: 1, max_closed_at: '2024-05-01T10:00:00.000Z', avg_weighted: null },
      { 'account.industry': 'retail', sum_amount: 150000, count: 1, max_closed_at: null, avg_weighted: 75000 },
      { 'account.industry': 'tech', sum_amount: 0, count: 1, max_closed_at: null, avg_weighted: 0 },
    ]);
  });
});

describe('hostile input stays data', () => {
  const payloads = ["x'; DROP TABLE data.opportunity; --", 'amount" --', '名前\u202e', "') OR 1=1 --", '\\', '"; SELECT pg_sleep(10); --'];

  it.each(payloads)('binds %j as a value and the table survives', async (payload) => {
    const filter = parseCondition({ $or: [{ name: payload }, { name: { $contains: payload } }, { meta: { [payload]: payload } }] }, { object: 'opportunity', set }).ast!;
    const compiled = compileSelect({ ...base, object: 'opportunity', filter, q: payload, limit: 5 });
    expect(compiled.sql).not.toContain(payload);
    expect(await run(compiled)).toEqual([]);
    expect(await run(compileCount({ ...base, object: 'opportunity' }))).toEqual([{ total: 5 }]);
  });
});
