// The HTTP reads' output (compileSelectRows / compileGetRows: values as PostgreSQL text, JSON spelled
// in Node) on a real PostgreSQL: for every object, shape, sort and time zone, exactly the records
// and cursors of the JSON PostgreSQL builds (compileSelect / compileGet), which the API answered before.
import { parseCondition } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import {
  compileGet, compileGetRows, compileSelect, compileSelectRows, readPage, readPageRows,
  type SelectOptions, type SelectRow, type TextRow,
} from '../../src/query/index.js';
import { datetimeJson } from '../../src/query/compile/record/encode-value.js';
import { ACCOUNTS, OPPORTUNITIES, fixtureContext } from '../../src/query/fixtures/crm-ids.fixture.js';
import { crmSet } from '../../src/query/fixtures/crm-set.fixture.js';
import { useCrmDatabase } from './crm-database.js';

const set = crmSet();
const ctx = fixtureContext();
const AS_TEXT = { getTypeParser: () => (text: string) => text };
const crm = useCrmDatabase();

const textRows = async (q: { sql: string; params: unknown[] }) =>
  (await crm.client.query({ text: q.sql, values: q.params, rowMode: 'array', types: AS_TEXT })).rows as TextRow[];

/** Both outputs of one list request: the page as the driver parses PostgreSQL's JSON, and as Node spells it. */
async function both(options: Omit<SelectOptions, 'set' | 'ctx'>) {
  const objects = compileSelect({ set, ctx, ...options });
  const rows = compileSelectRows({ set, ctx, ...options });
  const expected = readPage((await crm.client.query(objects.sql, objects.params)).rows as SelectRow[], objects);
  const actual = readPageRows(await textRows(rows), rows);
  return { expected, actual: { data: JSON.parse(actual.data) as unknown[], nextCursor: actual.nextCursor } };
}

/** Equal values, and keys in the same order (JSON.stringify keeps it). */
function same(actual: unknown, expected: unknown) {
  expect(actual).toEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

const cond = (json: unknown, object = 'opportunity') => parseCondition(json, { object, set }).ast!;
const scopeFor = (o: string) => (o === 'account' ? cond({ owner: '$user.id' }, 'account') : undefined);
const hiddenFor = (o: string) => (o === 'account' ? new Set(['annual_revenue']) : undefined);

const SHAPES: [string, Omit<SelectOptions, 'set' | 'ctx'>][] = [
  ...['account', 'contact', 'opportunity', 'tag'].map((object) => [`${object}, every field`, { object, limit: 500 }] as [string, Omit<SelectOptions, 'set' | 'ctx'>]),
  ['dotted fields', { object: 'opportunity', limit: 50, fields: ['name', 'account.name', 'account.parent.name', 'closed_at'] }],
  ['expands of every kind', { object: 'opportunity', limit: 50, expand: ['account', 'tags', 'owner', 'contact'] }],
  ['oneToMany expands', { object: 'account', limit: 50, fields: ['name'], expand: ['contacts', 'opportunities'] }],
  ['the bin', { object: 'opportunity', limit: 50, deleted: true, fields: ['name', 'deleted_at'] }],
  ['scoped and hidden targets', { object: 'opportunity', limit: 50, expand: ['account'], scopeFor, hiddenFor, hiddenFields: new Set(['amount']) }],
  ['a filtered page of 2', { object: 'opportunity', limit: 2, filter: cond({ stage: { $nin: ['won'] } }), sort: [{ field: 'amount', dir: 'desc' }] }],
];

describe('rows output spells the JSON PostgreSQL would build', () => {
  it.each(SHAPES)('%s', async (_, options) => {
    const { expected, actual } = await both(options);
    expect(expected.data.length).toBeGreaterThan(0);
    same(actual, expected);
  });

  it('whatever the session time zone', async () => {
    await crm.client.query(`SET TIME ZONE 'Asia/Shanghai'`);
    try {
      const { expected, actual } = await both({ object: 'opportunity', limit: 50, sort: [{ field: 'closed_at', dir: 'desc' }] });
      same(actual, expected);
      expect(actual.data.map((r) => (r as { closed_at: string | null }).closed_at)).toContain('2024-05-01T10:00:00.000Z');
    } finally {
      await crm.client.query('SET TIME ZONE UTC');
    }
  });

  it('gets one record, with the version after it, and nothing for a deleted one', async () => {
    for (const [object, id] of [['account', ACCOUNTS[1]], ['opportunity', OPPORTUNITIES[0]]] as const) {
      const objects = compileGet({ set, ctx, object, id });
      const rows = compileGetRows({ set, ctx, object, id, version: true });
      const [expected] = (await crm.client.query(objects.sql, objects.params)).rows as { record: Record<string, unknown> }[];
      const [row] = await textRows(rows);
      same(JSON.parse(rows.record(row!)), expected!.record);
      expect(Number(row![row!.length - 1])).toBe(expected!.record.version);
    }
    expect(await textRows(compileGetRows({ set, ctx, object: 'account', id: ACCOUNTS[3] }))).toEqual([]);
  });
});

describe('rows output pages with the same cursors', () => {
  const sorts: SelectOptions['sort'][] = [
    [{ field: 'amount', dir: 'asc' }],
    [{ field: 'priority', dir: 'desc' }, { field: 'created_at', dir: 'desc' }],
    [{ field: 'closed_at', dir: 'desc' }],
    [{ field: 'strategic', dir: 'asc' }],
    [{ field: 'account.name', dir: 'asc' }],
    [{ field: 'open_date', dir: 'asc' }],
    [{ field: 'weighted', dir: 'desc' }],
    undefined,
  ];

  it.each(sorts.map((s) => [JSON.stringify(s), s] as const))('%s', async (_, sort) => {
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { expected, actual } = await both({ object: 'opportunity', sort, fields: ['name'], limit: 2, cursor });
      same(actual, expected);
      cursor = actual.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBeGreaterThan(1);
  });
});

describe('datetime text', () => {
  it('becomes what to_char spells, BC years, years past 9999 and infinity included', async () => {
    const values = ['2024-05-01 10:00:00+00', '2024-05-01 10:00:00.5+00', '2024-05-01 10:00:00.123456+00', '2024-05-01 10:00:00.0999+08',
      '0044-03-15 00:00:00.9996+00 BC', '10000-01-01 00:00:00.1239+00', 'infinity', '-infinity'];
    const { rows } = await crm.client.query<{ text: string; iso: string | null }>(
      `SELECT (v AT TIME ZONE 'UTC')::text AS text, to_char(v AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS iso
         FROM unnest($1::timestamptz[]) AS v`, [values]);
    expect(rows).toHaveLength(values.length);
    for (const { text, iso } of rows) expect([text, datetimeJson(text)]).toEqual([text, JSON.stringify(iso)]);
  });
});
