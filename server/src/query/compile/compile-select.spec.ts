import { parseCondition, type ConditionNode } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { fixtureContext, OPPORTUNITIES } from '../fixtures/crm-ids.fixture.js';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import { QueryError } from '../query-error.js';
import { compileGet, compileGetRows, compileSelect, compileSelectRows, type SelectOptions } from './compile-select.js';
import { encodeCursor } from './page/cursor.js';
import { readPage } from './page/read-page.js';

const set = crmSet();
const ctx = fixtureContext();
const ID = OPPORTUNITIES[0];
const cond = (json: unknown, object = 'opportunity'): ConditionNode => parseCondition(json, { object, set }).ast!;
const select = (o: Partial<SelectOptions>) => {
  const { sql, params } = compileSelect({ set, ctx, object: 'opportunity', limit: 10, ...o });
  return { sql, params };
};
const UTC = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The SELECT … FROM of a `fields: ['name']` list of opportunities, newest first. */
const NAME_ONLY = 'SELECT to_json("p1") AS "record", json_build_array("t0"."created_at", "t0"."id") AS "cursor" FROM "data"."opportunity" AS "t0"'
  + ' CROSS JOIN LATERAL (SELECT "t0"."id" AS "id", "t0"."name" AS "name") AS "p1"';
const NEWEST_FIRST = 'ORDER BY "t0"."created_at" DESC, "t0"."id" ASC';

describe('compileSelect: projection', () => {
  it('selects id and the named fields, newest first, one row more than the page', () => {
    expect(select({ fields: ['name'] })).toEqual({
      sql: `${NAME_ONLY} WHERE "t0"."deleted_at" IS NULL ${NEWEST_FIRST} LIMIT $1`,
      params: [11],
    });
  });

  it('selects every readable field by default: id, fields in order, system fields; datetimes as UTC ISO strings', () => {
    expect(compileSelect({ set, ctx, object: 'tag', limit: 50 }).sql).toBe(
      'SELECT to_json("p1") AS "record", json_build_array("t0"."created_at", "t0"."id") AS "cursor" FROM "data"."tag" AS "t0"'
        + ' CROSS JOIN LATERAL (SELECT "t0"."id" AS "id", "t0"."name" AS "name", "t0"."color" AS "color", "t0"."owner" AS "owner",'
        + ` ${UTC('"t0"."created_at"')} AS "created_at", ${UTC('"t0"."updated_at"')} AS "updated_at",`
        + ' "t0"."created_by" AS "created_by", "t0"."updated_by" AS "updated_by", "t0"."version" AS "version") AS "p1"'
        + ` WHERE "t0"."deleted_at" IS NULL ${NEWEST_FIRST} LIMIT $1`,
    );
  });

  it('leaves out hidden, archived and metadata-hidden fields and oneToMany relations by default', () => {
    const s = crmSet();
    s.objects.tag!.fields.secret = { type: 'text', hidden: true };
    const { sql } = compileSelect({ set: s, ctx, object: 'account', limit: 5, hiddenFields: new Set(['employees', 'owner']) });
    for (const gone of ['"employees"', '"legacy_code"', '"contacts"', '"opportunities"', '"owner"']) expect(sql).not.toContain(gone);
    expect(sql).toContain('"t0"."annual_revenue" AS "annual_revenue"');
    expect(compileSelect({ set: s, ctx, object: 'tag', limit: 5 }).sql).not.toContain('secret');
    expect(compileSelect({ set: s, ctx, object: 'tag', limit: 5, fields: ['secret'] }).sql).toContain('"t0"."secret" AS "secret"');
  });

  it('hides formulas and rollups that read a hidden field', () => {
    const { sql } = compileSelect({ set, ctx, object: 'opportunity', limit: 5, hiddenFields: new Set(['probability']) });
    expect(sql).not.toContain('"weighted"');
    expect(sql).toContain('AS "margin"');
    const accounts = compileSelect({ set, ctx, object: 'account', limit: 5, hiddenFor: (o) => (o === 'opportunity' ? new Set(['stage']) : undefined) }).sql;
    expect(accounts).not.toContain('"open_amount"'); // its filter reads opportunity.stage
    expect(accounts).toContain('AS "opportunity_count"');
  });

  it('nests dotted fields under the relation, NULL when the related row is not visible', () => {
    expect(select({ fields: ['name', 'account.name', 'account.parent.name'] }).sql).toBe(
      'SELECT to_json("p1") AS "record", json_build_array("t0"."created_at", "t0"."id") AS "cursor" FROM "data"."opportunity" AS "t0"'
        + ' LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL'
        + ' LEFT JOIN "data"."account" AS "t2" ON "t2"."id" = "t1"."parent_id" AND "t2"."deleted_at" IS NULL'
        + ' CROSS JOIN LATERAL (SELECT "t0"."id" AS "id", "t0"."name" AS "name", CASE WHEN "t1"."id" IS NULL THEN NULL ELSE'
        + ' json_build_object(\'id\', "t1"."id", \'name\', "t1"."name", \'parent\', CASE WHEN "t2"."id" IS NULL THEN NULL ELSE'
        + ' json_build_object(\'id\', "t2"."id", \'name\', "t2"."name") END) END AS "account") AS "p1"'
        + ` WHERE "t0"."deleted_at" IS NULL ${NEWEST_FIRST} LIMIT $1`,
    );
  });

  it('reads manyToMany fields as the ids of live targets', () => {
    expect(select({ fields: ['tags'] }).sql).toContain(
      'ARRAY(SELECT "e1"."id" FROM "data"."tag" AS "e1" JOIN "data"."opportunity__tags" AS "m1" ON "m1"."target_id" = "e1"."id"'
        + ' WHERE "m1"."source_id" = "t0"."id" AND "e1"."deleted_at" IS NULL ORDER BY "e1"."id") AS "tags"',
    );
  });
});

describe('compileSelect: expand', () => {
  it('expands manyToMany to the first 50 live targets, oldest first, each { id, title, … }', () => {
    expect(select({ fields: ['name'], expand: ['tags'] })).toEqual({
      sql: 'SELECT to_json("p2") AS "record", json_build_array("t0"."created_at", "t0"."id") AS "cursor" FROM "data"."opportunity" AS "t0"'
        + ' CROSS JOIN LATERAL (SELECT "t0"."id" AS "id", "t0"."name" AS "name", (SELECT COALESCE(json_agg("x1"."record" ORDER BY "x1"."created_at", "x1"."id"), \'[]\'::json)'
        + ' FROM (SELECT to_json("p1") AS "record", "e1"."created_at" AS "created_at", "e1"."id" AS "id"'
        + ' FROM "data"."tag" AS "e1" JOIN "data"."opportunity__tags" AS "m1" ON "m1"."target_id" = "e1"."id"'
        + ' CROSS JOIN LATERAL (SELECT "e1"."id" AS "id", "e1"."name" AS "title", "e1"."name" AS "name", "e1"."color" AS "color", "e1"."owner" AS "owner",'
        + ` ${UTC('"e1"."created_at"')} AS "created_at", ${UTC('"e1"."updated_at"')} AS "updated_at",`
        + ' "e1"."created_by" AS "created_by", "e1"."updated_by" AS "updated_by", "e1"."version" AS "version") AS "p1"'
        + ' WHERE "m1"."source_id" = "t0"."id" AND "e1"."deleted_at" IS NULL ORDER BY "e1"."created_at", "e1"."id" LIMIT $1) AS "x1") AS "tags") AS "p2"'
        + ` WHERE "t0"."deleted_at" IS NULL ${NEWEST_FIRST} LIMIT $2`,
      params: [50, 11],
    });
  });

  it('expands oneToMany through the inverse relation, with the target’s scope and hidden fields', () => {
    const hidden = new Set(Object.keys(set.objects.contact!.fields).filter((f) => f !== 'name' && f !== 'account'));
    const { sql, params } = compileSelect({
      set, ctx, object: 'account', limit: 10, fields: ['name'], expand: ['contacts'],
      scopeFor: (o) => (o === 'contact' ? cond({ owner: '$user.id' }, 'contact') : undefined),
      hiddenFor: (o) => (o === 'contact' ? new Set([...hidden, 'owner', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version']) : undefined),
    });
    expect(sql).toContain(
      '(SELECT COALESCE(json_agg("x1"."record" ORDER BY "x1"."created_at", "x1"."id"), \'[]\'::json) FROM (SELECT to_json("p1") AS "record",'
        + ' "e1"."created_at" AS "created_at", "e1"."id" AS "id" FROM "data"."contact" AS "e1"'
        + ' CROSS JOIN LATERAL (SELECT "e1"."id" AS "id", "e1"."name" AS "title", "e1"."name" AS "name", "e1"."account_id" AS "account") AS "p1"'
        + ' WHERE "e1"."account_id" = "t0"."id" AND "e1"."deleted_at" IS NULL AND "e1"."owner" = $1 ORDER BY "e1"."created_at", "e1"."id" LIMIT $2) AS "x1") AS "contacts"',
    );
    expect(params).toEqual([ctx.userId, 50, 11]);
  });

  it('expands manyToOne to one object or NULL, with a NULL title when the title field is hidden', () => {
    const { sql } = compileSelect({
      set, ctx, object: 'contact', limit: 10, fields: ['name'], expand: ['account'],
      hiddenFor: (o) => (o === 'account' ? new Set(['name']) : undefined),
    });
    expect(sql).toContain('(SELECT to_json("p1") FROM "data"."account" AS "e1" CROSS JOIN LATERAL (SELECT "e1"."id" AS "id", NULL AS "title", "e1"."industry" AS "industry",');
    expect(sql).toContain(') AS "p1" WHERE "e1"."id" = "t0"."account_id" AND "e1"."deleted_at" IS NULL) AS "account"');
  });

  it('expands users from core.user', () => {
    expect(select({ fields: ['name'], expand: ['owner'] }).sql).toContain(
      '(SELECT json_build_object(\'id\', "u1"."id", \'title\', "u1"."name", \'name\', "u1"."name", \'email\', "u1"."email")'
        + ' FROM "core"."user" AS "u1" WHERE "u1"."id" = "t0"."owner") AS "owner"',
    );
  });
});

describe('compileSelect: rows, sort and pages', () => {
  it('ANDs deleted_at (the bin: IS NOT NULL), scope, filter and q, in that order', () => {
    expect(select({ fields: ['name'], deleted: true, scope: cond({ owner: '$user.id' }), filter: cond({ stage: 'won' }), q: '50%' })).toEqual({
      sql: `${NAME_ONLY} WHERE "t0"."deleted_at" IS NOT NULL AND "t0"."owner" = $1 AND "t0"."stage" = $2`
        + ` AND ("t0"."name" ILIKE $3 OR "t0"."code" ILIKE $3) ${NEWEST_FIRST} LIMIT $4`,
      params: [ctx.userId, 'won', '%50\\%%', 11],
    });
  });

  it('sorts by fields, dotted paths and formulas, NULLs last ascending and first descending, then by id', () => {
    const { sql, params } = select({
      fields: ['name'], sort: [{ field: 'amount', dir: 'desc' }, { field: 'account.name', dir: 'asc' }, { field: 'weighted', dir: 'asc' }],
    });
    expect(sql).toContain('LEFT JOIN "data"."account" AS "t1" ON "t1"."id" = "t0"."account_id" AND "t1"."deleted_at" IS NULL');
    expect(sql).toContain('json_build_array(CAST("t0"."amount" AS text), "t1"."name", CAST((CAST(("t0"."amount" * "t0"."probability") AS numeric) / NULLIF($1::numeric, 0)) AS text), "t0"."id") AS "cursor"');
    expect(sql).toContain(' ORDER BY "t0"."amount" DESC NULLS FIRST, "t1"."name" ASC NULLS LAST,'
      + ' (CAST(("t0"."amount" * "t0"."probability") AS numeric) / NULLIF($1::numeric, 0)) ASC NULLS LAST, "t0"."id" ASC LIMIT $2');
    expect(params).toEqual([100, 11]);
  });

  it('adds no tie-break when the id is already a key', () => {
    expect(select({ fields: ['name'], sort: [{ field: 'id', dir: 'desc' }] }).sql).toMatch(/ ORDER BY "t0"\."id" DESC LIMIT \$1$/);
  });

  it('pages with OFFSET as the alternative to a cursor', () => {
    expect(select({ fields: ['name'], sort: [{ field: 'name', dir: 'asc' }], offset: 20 }).sql)
      .toMatch(/ ORDER BY "t0"\."name" ASC NULLS LAST, "t0"\."id" ASC LIMIT \$1 OFFSET \$2$/);
  });

  const keyset = (sort: SelectOptions['sort'], signature: string, values: unknown[]) => {
    const { sql, params } = select({ fields: ['name'], sort, cursor: encodeCursor(signature, values) });
    return { where: sql.slice(sql.indexOf(' WHERE ') + 7, sql.indexOf(' ORDER BY ')), params };
  };

  it.each([
    ['ascending, after a value: greater, or NULL (NULLs last), or equal and a greater id',
      [{ field: 'amount', dir: 'asc' }], 'amount,id', ['150000.00', ID],
      '"t0"."deleted_at" IS NULL AND (("t0"."amount" > $1 OR "t0"."amount" IS NULL) OR ("t0"."amount" = $1 AND "t0"."id" > $2))', ['150000.00', ID, 11]],
    ['ascending, after NULL: only the NULLs with a greater id',
      [{ field: 'amount', dir: 'asc' }], 'amount,id', [null, ID],
      '"t0"."deleted_at" IS NULL AND ("t0"."amount" IS NULL AND "t0"."id" > $1)', [ID, 11]],
    ['descending, after a value: smaller (NULLs came first), or equal and a greater id',
      [{ field: 'amount', dir: 'desc' }], '-amount,id', ['150000.00', ID],
      '"t0"."deleted_at" IS NULL AND ("t0"."amount" < $1 OR ("t0"."amount" = $1 AND "t0"."id" > $2))', ['150000.00', ID, 11]],
    ['descending, after NULL: every value, or NULL and a greater id',
      [{ field: 'amount', dir: 'desc' }], '-amount,id', [null, ID],
      '"t0"."deleted_at" IS NULL AND ("t0"."amount" IS NOT NULL OR ("t0"."amount" IS NULL AND "t0"."id" > $1))', [ID, 11]],
    ['ties on the first key fall through to the next',
      [{ field: 'priority', dir: 'asc' }, { field: 'closed_at', dir: 'desc' }], 'priority,-closed_at,id', ['high', null, ID],
      '"t0"."deleted_at" IS NULL AND (("t0"."priority" > $1 OR "t0"."priority" IS NULL) OR ("t0"."priority" = $1 AND "t0"."closed_at" IS NOT NULL)'
        + ' OR ("t0"."priority" = $1 AND "t0"."closed_at" IS NULL AND "t0"."id" > $2))', ['high', ID, 11]],
    ['datetimes keep their microseconds and offset',
      [{ field: 'closed_at', dir: 'asc' }], 'closed_at,id', ['2024-05-01T10:00:00.123456+08:00', ID],
      '"t0"."deleted_at" IS NULL AND (("t0"."closed_at" > $1 OR "t0"."closed_at" IS NULL) OR ("t0"."closed_at" = $1 AND "t0"."id" > $2))',
      ['2024-05-01T10:00:00.123456+08:00', ID, 11]],
  ] as const)('keyset: %s', (_, sort, signature, values, where, params) => {
    expect(keyset(sort as unknown as SelectOptions['sort'], signature, [...values])).toEqual({ where, params });
  });

  it('gives nextCursor from the last row of a full page, and null on the last page', () => {
    const compiled = compileSelect({ set, ctx, object: 'opportunity', limit: 2, sort: [{ field: 'amount', dir: 'asc' }] });
    const rows = [1, 2, 3].map((n) => ({ record: { n }, cursor: [String(n), ID] }));
    const page = readPage(rows, compiled);
    expect(page.data).toEqual([{ n: 1 }, { n: 2 }]);
    expect(JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString())).toEqual({ s: 'amount,id', v: ['2', ID] });
    expect(readPage(rows.slice(0, 2), compiled).nextCursor).toBeNull();
  });
});

describe('compileSelectRows and compileGetRows: the values as columns', () => {
  it('selects each value as its own column, then the cursor values, with the same WHERE, ORDER BY and parameters', () => {
    const options = { set, ctx, object: 'tag', limit: 10, filter: cond({ name: 'hot' }, 'tag'), sort: [{ field: 'name', dir: 'asc' as const }] };
    const rows = compileSelectRows(options);
    expect(rows.sql).toBe('SELECT "t0"."id", "t0"."name", "t0"."color", "t0"."owner",'
      + ` (CAST("t0"."created_at" AS timestamptz) AT TIME ZONE 'UTC'), (CAST("t0"."updated_at" AS timestamptz) AT TIME ZONE 'UTC'),`
      + ' "t0"."created_by", "t0"."updated_by", "t0"."version", to_json("t0"."name"), "t0"."id" FROM "data"."tag" AS "t0"'
      + ' WHERE "t0"."deleted_at" IS NULL AND "t0"."name" = $1 ORDER BY "t0"."name" ASC NULLS LAST, "t0"."id" ASC LIMIT $2');
    expect(rows.params).toEqual(compileSelect(options).params);
    expect(compileSelect(options).sql).toContain(rows.sql.slice(rows.sql.indexOf(' WHERE ')));
  });

  it('selects JSON-built values (expands, nested objects, arrays) as JSON, and numbers of the cursor as text', () => {
    const rows = compileSelectRows({ set, ctx, object: 'opportunity', limit: 5, fields: ['features', 'account.name'], expand: ['owner'], sort: [{ field: 'amount', dir: 'desc' }] });
    expect(rows.sql).toMatch(/^SELECT "t0"\."id", to_json\("t0"\."features"\), CASE WHEN "t1"\."id" IS NULL THEN NULL ELSE json_build_object\('id', "t1"\."id", 'name', "t1"\."name"\) END, \(SELECT json_build_object\(/);
    expect(rows.sql).toContain(', CAST("t0"."amount" AS text), "t0"."id" FROM ');
    const record = rows.record(['i', '["api"]', '{"id":"a","name":"Acme"}', '{"id":"u"}', '1.5', 'i']);
    expect(JSON.parse(record)).toEqual({ id: 'i', features: ['api'], account: { id: 'a', name: 'Acme' }, owner: { id: 'u' } });
    expect(rows.cursor(['i', null, null, null, '1.5', 'i'])).toBe('["1.5","i"]');
  });

  it('gets one record as columns, then its version when asked', () => {
    const rows = compileGetRows({ set, ctx, object: 'tag', id: ID, fields: ['name'], version: true, scope: cond({ owner: '$user.id' }, 'tag') });
    expect(rows).toMatchObject({
      sql: 'SELECT "t0"."id", "t0"."name", "t0"."version" AS "version" FROM "data"."tag" AS "t0" WHERE "t0"."id" = $1 AND "t0"."deleted_at" IS NULL AND "t0"."owner" = $2',
      params: [ID, ctx.userId],
    });
    expect(rows.record([ID, 'hot', '3'])).toBe(`{"id":"${ID}","name":"hot"}`);
    expect(rows.versionColumn).toBe(2);
  });

  it('reads the version from the record\'s own column when the record has one (no second column)', () => {
    const rows = compileGetRows({ set, ctx, object: 'tag', id: ID, version: true });
    expect(rows.sql.match(/"version"/g)).toHaveLength(1);
    expect(rows.sql).toContain(', "t0"."version" FROM ');
    const row = [ID, 'hot', null, 'u', '2026-11-30 08:00:00', '2026-11-30 08:00:00', 'u', 'u', '7'];
    expect([JSON.parse(rows.record(row)).version, rows.versionColumn]).toEqual([7, 8]);
  });
});

describe('compileGet', () => {
  it('selects one record by id within the scope', () => {
    expect(compileGet({ set, ctx, object: 'tag', id: ID, fields: ['name'], scope: cond({ owner: '$user.id' }, 'tag') })).toEqual({
      sql: 'SELECT to_json("p1") AS "record" FROM "data"."tag" AS "t0" CROSS JOIN LATERAL (SELECT "t0"."id" AS "id", "t0"."name" AS "name") AS "p1"'
        + ' WHERE "t0"."id" = $1 AND "t0"."deleted_at" IS NULL AND "t0"."owner" = $2',
      params: [ID, ctx.userId],
    });
  });

  it('matches nothing for an id that is not a uuid, without binding it', () => {
    expect(compileGet({ set, ctx, object: 'tag', id: "1' OR '1'='1", fields: ['name'] })).toEqual({
      sql: 'SELECT to_json("p1") AS "record" FROM "data"."tag" AS "t0" CROSS JOIN LATERAL (SELECT "t0"."id" AS "id", "t0"."name" AS "name") AS "p1"'
        + ' WHERE FALSE AND "t0"."deleted_at" IS NULL',
      params: [],
    });
  });

  it('reads a write\'s own CTE back, numbering its placeholders after the write\'s parameters', () => {
    expect(compileGet({ set, ctx, object: 'tag', cte: 'w', paramOffset: 7, fields: ['name'], scope: cond({ owner: '$user.id' }, 'tag') })).toEqual({
      sql: 'SELECT to_json("p1") AS "record" FROM "w" AS "t0" CROSS JOIN LATERAL (SELECT "t0"."id" AS "id", "t0"."name" AS "name") AS "p1"'
        + ' WHERE "t0"."deleted_at" IS NULL AND "t0"."owner" = $8',
      params: [ctx.userId],
    });
  });

  it('refuses a CTE name that is not an identifier', () => {
    expect(() => compileGet({ set, ctx, object: 'tag', cte: 'w" OR 1=1 --', paramOffset: 0, fields: ['name'] })).toThrow();
  });
});

function errorOf(fn: () => unknown): QueryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QueryError) return e;
    throw e;
  }
  throw new Error('expected a QueryError');
}

describe('compileSelect: refused requests', () => {
  it.each([
    ['limit above 500', { limit: 501 }, 400, [{ path: '/limit', message: 'must be an integer from 1 to 500' }]],
    ['limit below 1', { limit: 0 }, 400, [{ path: '/limit', message: 'must be an integer from 1 to 500' }]],
    ['negative offset', { offset: -1 }, 400, [{ path: '/offset', message: 'must be a non-negative integer' }]],
    ['cursor and offset', { offset: 1, cursor: 'abc' }, 400, [{ path: '/cursor', message: 'use either cursor or offset, not both' }]],
    ['unknown sort field', { sort: [{ field: 'colour', dir: 'asc' }] }, 400, [{ path: '/sort/0', message: 'unknown field "colour" on opportunity' }]],
    ['bad sort direction', { sort: [{ field: 'name', dir: 'sideways' }] }, 400, [{ path: '/sort/0', message: 'direction must be asc or desc' }]],
    ['sort by an array', { sort: [{ field: 'features', dir: 'asc' }] }, 400, [{ path: '/sort/0', message: 'cannot sort by the multiselect field "features"' }]],
    ['sort through a non-relation', { sort: [{ field: 'name.x', dir: 'asc' }] }, 400,
      [{ path: '/sort/0', message: '"name" on opportunity is not a manyToOne relation; dotted paths follow manyToOne relations only' }]],
    ['unknown field', { fields: ['name', 'nope'] }, 400, [{ path: '/fields/1', message: 'unknown field "nope" on opportunity' }]],
    ['archived field', { fields: ['old_code'] }, 400, [{ path: '/fields/0', message: 'field "old_code" on opportunity is archived' }]],
    ['four hops', { fields: ['account.parent.parent.parent.name'] }, 400,
      [{ path: '/fields/0', message: '"account.parent.parent.parent.name" follows 4 relations; at most 3 are allowed' }]],
    ['oneToMany in fields', { object: 'account', fields: ['contacts'] }, 400, [{ path: '/fields/0', message: '"contacts" is a oneToMany relation and holds no value; use expand' }]],
    ['expand of a non-relation', { expand: ['amount'] }, 400, [{ path: '/expand/0', message: '"amount" is not a relation or user field' }]],
    ['expand of a dotted path', { expand: ['account.parent'] }, 400, [{ path: '/expand/0', message: 'expand takes relation fields of the object itself' }]],
    ['eleven expands', { object: 'contact', expand: ['account', 'topics', 'owner', 'assistant', 'created_by', 'updated_by', 'a', 'b', 'c', 'd', 'e'] }, 400,
      [{ path: '/expand', message: 'at most 10 relations may be expanded' }]],
    ['malformed cursor', { cursor: '!!!' }, 400, [{ path: '/cursor', message: 'malformed cursor' }]],
    ['cursor of another sort', { cursor: encodeCursor('name,id', ['x', ID]) }, 400,
      [{ path: '/cursor', message: 'the cursor belongs to another sort order; start again without it' }]],
    ['forged cursor value', { sort: [{ field: 'amount', dir: 'asc' }], cursor: encodeCursor('amount,id', ['1; DROP TABLE x', ID]) }, 400,
      [{ path: '/cursor', message: 'malformed cursor' }]],
    ['forged cursor date', { sort: [{ field: 'close_date', dir: 'asc' }], cursor: encodeCursor('close_date,id', ['2023-02-29', ID]) }, 400,
      [{ path: '/cursor', message: 'malformed cursor' }]],
    ['cursor with a NULL id', { sort: [{ field: 'amount', dir: 'asc' }], cursor: encodeCursor('amount,id', ['1', null]) }, 400,
      [{ path: '/cursor', message: 'malformed cursor' }]],
    ['over-long q', { q: 'x'.repeat(201) }, 400, [{ path: '/q', message: 'must be text of at most 200 characters' }]],
    ['unknown object', { object: 'nope' }, 400, [{ path: '', message: 'unknown object "nope"' }]],
    ['sort on a hidden field', { hiddenFields: new Set(['amount']), sort: [{ field: 'amount', dir: 'asc' }] }, 403,
      [{ path: '/sort/0', message: '"amount" names a field you cannot read' }]],
    ['hidden field in fields', { hiddenFields: new Set(['amount']), fields: ['amount'] }, 403, [{ path: '/fields/0', message: '"amount" names a field you cannot read' }]],
    ['formula reading a hidden field', { hiddenFields: new Set(['probability']), fields: ['weighted'] }, 403,
      [{ path: '/fields/0', message: '"weighted" names a field you cannot read' }]],
    ['hidden field of a joined object', { hiddenFor: (o: string) => (o === 'account' ? new Set(['industry']) : undefined), fields: ['account.industry'] }, 403,
      [{ path: '/fields/0', message: '"account.industry" names a field you cannot read' }]],
    ['hidden relation on the way', { hiddenFields: new Set(['account']), sort: [{ field: 'account.name', dir: 'asc' }] }, 403,
      [{ path: '/sort/0', message: '"account.name" names a field you cannot read' }]],
    ['expand of a hidden relation', { hiddenFields: new Set(['account']), expand: ['account'] }, 403, [{ path: '/expand/0', message: '"account" names a field you cannot read' }]],
    ['filter on a hidden field', { hiddenFields: new Set(['amount']), filter: cond({ $or: [{ name: 'x' }, { amount: { $gt: 1 } }] }) }, 403,
      [{ path: '/filter', message: 'the filter reads "amount", a field you cannot read' }]],
    ['filter on a hidden field of a joined object', { hiddenFor: (o: string) => (o === 'account' ? new Set(['annual_revenue']) : undefined), filter: cond({ 'account.annual_revenue': { $gt: 1 } }) }, 403,
      [{ path: '/filter', message: 'the filter reads "account.annual_revenue", a field you cannot read' }]],
    ['filter comparing with a hidden $field', { hiddenFields: new Set(['cost']), filter: cond({ amount: { $gt: '$field.cost' } }) }, 403,
      [{ path: '/filter', message: 'the filter reads "cost", a field you cannot read' }]],
    ['q when every search field is hidden', { hiddenFields: new Set(['name', 'code']), q: 'x' }, 403,
      [{ path: '/q', message: 'no field of this object that you can read is searchable' }]],
  ] as const)('%s', (_, options, status, errors) => {
    const e = errorOf(() => select(options as Partial<SelectOptions>));
    expect({ status: e.status, errors: e.errors }).toEqual({ status, errors });
  });

  it('reports every malformed part at once, before any 403', () => {
    const e = errorOf(() => select({ limit: 0, fields: ['nope'], sort: [{ field: 'amount', dir: 'asc' }], hiddenFields: new Set(['amount']) }));
    expect(e.status).toBe(400);
    expect(e.errors.map((x) => x.path)).toEqual(['/limit', '/fields/0']);
  });

  it('a scope may read fields the caller cannot (it is the permission itself)', () => {
    expect(() => select({ hiddenFields: new Set(['owner']), scope: cond({ owner: '$user.id' }), fields: ['name'] })).not.toThrow();
  });
});

describe('compileSelect: hostile names and values', () => {
  const payloads = ['name; drop table x', 'amount" --', 'amount\' --', '名前', 'name\u0000', '__proto__', 'constructor', '"t0"."amount"', 'a'.repeat(300)];

  it.each(payloads)('refuses %j as a sort, field or expand name, and never writes it into SQL', (payload) => {
    for (const options of [{ sort: [{ field: payload, dir: 'asc' as const }] }, { fields: [payload] }, { expand: [payload] }]) {
      expect(errorOf(() => select(options)).status).toBe(400);
    }
  });

  const values = ["x'; DROP TABLE data.opportunity; --", 'amount" --', "') OR ('1'='1", '名前\u202e', '"t0"."amount"', '%_\\', 'b'.repeat(300)];

  it.each(values)('binds %j as a value (filter, q) and keeps it out of the SQL text', (value) => {
    const { sql, params } = select({ filter: cond({ name: value, meta: { [value]: value } }), q: value.slice(0, 200), fields: ['name'] });
    expect(sql).not.toContain(value);
    expect(params).toContain(value);
  });

  it('refuses a NUL character in a value as bad input', () => {
    expect(errorOf(() => select({ filter: cond({ name: 'a\u0000b' }) })).status).toBe(400);
  });
});
