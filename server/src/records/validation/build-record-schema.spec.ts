import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildRecordSchema } from './build-record-schema.js';
import { createRecordAjv } from './record-ajv.js';
import { ID_1, ID_2, validationSet } from './record-validation.fixture.js';
import { schemaErrorsToProblems } from './schema-problems.js';

const set = validationSet();
const ajv = createRecordAjv();
const compile = (object: 'deal' | 'account', mode: 'create' | 'update', allowReadOnlyFields = false) =>
  ajv.compile(buildRecordSchema(set.objects[object]!, set, mode, { allowReadOnlyFields }));
const dealCreate = compile('deal', 'create');
const dealUpdate = compile('deal', 'update');

function problems(check: ValidateFunction, body: unknown) {
  return check(body) ? [] : schemaErrorsToProblems(check.errors ?? []);
}
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

type Refusal = [value: unknown, path: string, message: string];
// field → values accepted, values refused with the exact problem (a create with a valid name).
const CASES: Record<string, { accepts: unknown[]; refuses: Refusal[] }> = {
  name: { accepts: ['Acme', 'x'.repeat(20)], refuses: [
    ['x'.repeat(21), '/name', 'must NOT have more than 20 characters'],
    ['   ', '/name', 'must not be blank'],
    [42, '/name', 'must be string'],
    [null, '/name', 'must be string'],
  ] },
  code: { accepts: ['ABC-12', null], refuses: [['abc', '/code', 'must match pattern "^[A-Z]{3}-[0-9]+$"']] },
  notes: { accepts: ['x'.repeat(100_000)], refuses: [['x'.repeat(100_001), '/notes', 'must NOT have more than 100000 characters']] },
  body: { accepts: ['<p>Hello</p>', null], refuses: [[5, '/body', 'must be string or null']] },
  email: { accepts: ['Ann@Example.com', null], refuses: [
    ['ann@', '/email', 'must be a valid email'],
    [`${'a'.repeat(309)}@example.com`, '/email', 'must NOT have more than 320 characters'],
  ] },
  phone: { accepts: ['+86 138-0013-8000', '(020) 7946.0958', '10086'], refuses: [
    ['12', '/phone', 'must be a phone number'],
    ['call me', '/phone', 'must be a phone number'],
    ['-----', '/phone', 'must be a phone number'],
    ['1'.repeat(41), '/phone', 'must be a phone number'],
  ] },
  website: { accepts: ['https://example.com/a?b=1', 'HTTP://EXAMPLE.COM'], refuses: [
    ['javascript:alert(1)', '/website', 'must be an http or https URL'],
    ['ftp://example.com/file', '/website', 'must be an http or https URL'],
  ] },
  seats: { accepts: [1, 500, null], refuses: [
    [0, '/seats', 'must be >= 1'],
    [501, '/seats', 'must be <= 500'],
    [1.5, '/seats', 'must be integer or null'],
    ['3', '/seats', 'must be integer or null'],
  ] },
  big: { accepts: [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER], refuses: [
    [2 ** 53, '/big', 'must be <= 9007199254740991'],
  ] },
  score: { accepts: [-1.5e10, 0.333], refuses: [['1', '/score', 'must be number or null']] },
  probability: { accepts: [0, 55.5, 100], refuses: [[100.5, '/probability', 'must be <= 100']] },
  amount: { accepts: [0, 0.07, 19.99, 123_456_789_012_345.67], refuses: [
    [1.005, '/amount', 'must have at most 2 decimal places'],
    [-0.01, '/amount', 'must be >= 0'],
    [1e16, '/amount', 'must be < 10000000000000000'],
  ] },
  rating: { accepts: [0, 5], refuses: [[6, '/rating', 'must be <= 5'], [4.5, '/rating', 'must be integer or null']] },
  vip: { accepts: [true, false, null], refuses: [['yes', '/vip', 'must be boolean or null']] },
  close_date: { accepts: ['2024-02-29'], refuses: [
    ['2023-02-29', '/close_date', 'must be a date (YYYY-MM-DD)'],
    ['2024-1-5', '/close_date', 'must be a date (YYYY-MM-DD)'],
    ['2024-01-01T00:00:00Z', '/close_date', 'must be a date (YYYY-MM-DD)'],
    ['0000-01-01', '/close_date', 'must be a date from year 1'],
  ] },
  signed_at: { accepts: ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.123+08:00'], refuses: [
    ['2024-05-01T10:00:00', '/signed_at', 'must be an ISO 8601 date-time with a time zone'],
    ['2024-05-01', '/signed_at', 'must be an ISO 8601 date-time with a time zone'],
  ] },
  priority: { accepts: ['high'], refuses: [
    ['urgent', '/priority', 'must be one of "low", "high"'],
    [null, '/priority', 'must be one of "low", "high"'],
  ] },
  channels: { accepts: [['web', 'email'], [], null], refuses: [
    [['web', 'fax'], '/channels/1', 'must be one of "web", "phone", "email"'],
    [['web', 'web'], '/channels/1', 'repeats item 0'],
    ['web', '/channels', 'must be array or null'],
  ] },
  tags: { accepts: [['VIP', 'key account'], []], refuses: [
    [['a'.repeat(51)], '/tags/0', 'must NOT have more than 50 characters'],
    [['ok', '  ', 'x'], '/tags/1', 'must not be blank'],
    [['a', 'b', 'a'], '/tags/2', 'repeats item 0'],
    [Array.from({ length: 101 }, (_, i) => `t${i}`), '/tags', 'must NOT have more than 100 items'],
  ] },
  account: { accepts: [ID_1, null], refuses: [['acme', '/account', 'must be a UUID'], [7, '/account', 'must be string or null']] },
  partners: { accepts: [[ID_1, ID_2], Array.from({ length: 1000 }, (_, i) => uuid(i))], refuses: [
    [[ID_1, 'x'], '/partners/1', 'must be a UUID'],
    [[ID_1, ID_1], '/partners/1', 'repeats item 0'],
    [Array.from({ length: 1001 }, (_, i) => uuid(i)), '/partners', 'must NOT have more than 1000 items'],
  ] },
  assignee: { accepts: [ID_2, null], refuses: [['me', '/assignee', 'must be a UUID']] },
  stage: { accepts: ['qualify', 'won', null], refuses: [['proposal', '/stage', 'must be one of "qualify", "won", "lost" or null']] },
  meta: { accepts: [{ a: [1, { b: null }] }, 'text', 3, null], refuses: [] },
  owner: { accepts: [ID_1], refuses: [[null, '/owner', 'must be string'], ['me', '/owner', 'must be a UUID']] },
};

describe('buildRecordSchema: every field type', () => {
  for (const [field, { accepts, refuses }] of Object.entries(CASES)) {
    it.each(accepts.map((v) => [JSON.stringify(v).slice(0, 40), v]))(`${field} accepts %s`, (_, value) => {
      expect(problems(dealCreate, { name: 'Acme', [field]: value })).toEqual([]);
    });
    it.each(refuses.map(([v, path, message]) => [JSON.stringify(v).slice(0, 40), v, path, message]))(
      `${field} refuses %s`, (_, value, path, message) => {
        expect(problems(dealCreate, { name: 'Acme', [field]: value })).toEqual([{ path, message }]);
      });
  }

  it('refuses a url that is not one at all, for both reasons', () => {
    expect(problems(dealCreate, { name: 'Acme', website: 'not a url' })).toEqual([
      { path: '/website', message: 'must be an http or https URL' },
      { path: '/website', message: 'must be a valid URL' },
    ]);
  });
});

describe('buildRecordSchema: what may be written', () => {
  it('refuses an unknown field, and an archived one as if it were unknown', () => {
    expect(problems(dealCreate, { name: 'Acme', colour: 'red', old_code: 'X' })).toEqual([
      { path: '/colour', message: 'is not a known field' },
      { path: '/old_code', message: 'is not a known field' },
    ]);
  });

  it.each(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'deleted_at'])(
    'refuses the system field %s as read-only', (field) => {
      expect(problems(dealUpdate, { [field]: ID_1 })).toEqual([{ path: `/${field}`, message: 'is read-only' }]);
    });

  it('refuses formula, autonumber, rollup and oneToMany writes as read-only', () => {
    expect(problems(dealUpdate, { weighted: 10, number: 'D-0001' })).toEqual([
      { path: '/weighted', message: 'is read-only' },
      { path: '/number', message: 'is read-only' },
    ]);
    expect(problems(compile('account', 'update'), { deals: [ID_1], deal_count: 3 })).toEqual([
      { path: '/deals', message: 'is read-only' },
      { path: '/deal_count', message: 'is read-only' },
    ]);
  });

  it('refuses a readOnly field to API callers and lets engine writes set it', () => {
    expect(problems(dealUpdate, { approval_status: 'approved' })).toEqual([{ path: '/approval_status', message: 'is read-only' }]);
    expect(problems(compile('deal', 'update', true), { approval_status: 'approved' })).toEqual([]);
  });

  it('refuses a body that is not an object', () => {
    expect(problems(dealCreate, [])).toEqual([{ path: '/', message: 'must be object' }]);
  });
});

describe('buildRecordSchema: create and update modes', () => {
  it('requires the required fields on create, except those with a default', () => {
    expect(problems(dealCreate, {})).toEqual([{ path: '/name', message: 'is required' }]);
    expect(problems(compile('account', 'create'), {})).toEqual([
      { path: '/name', message: 'is required' },
      { path: '/summary', message: 'is required' },
    ]);
  });

  it('takes any subset of fields on update', () => {
    expect(problems(dealUpdate, {})).toEqual([]);
    expect(problems(dealUpdate, { seats: 3, code: null })).toEqual([]);
  });

  it('refuses null for a required field on update', () => {
    expect(problems(dealUpdate, { name: null, priority: null })).toEqual([
      { path: '/name', message: 'must be string' },
      { path: '/priority', message: 'must be one of "low", "high"' },
    ]);
  });

  it('describes the stage field by the keys of the pipelines on it', () => {
    const schema = buildRecordSchema(set.objects.deal!, set, 'update');
    expect((schema.properties as Record<string, unknown>).stage).toEqual({ enum: ['qualify', 'won', 'lost', null] });
  });
});
