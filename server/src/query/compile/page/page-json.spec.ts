import { describe, expect, it } from 'vitest';
import { compilePageJson, readPageJson } from './page-json.js';

const compiled = { sql: 'SELECT x', params: [1], limit: 2, sortSignature: 'amount:desc' };
const row = (n: number) => ({ record: `{"id":"r${n}","amount":${n}}`, cursor: `["${n}","r${n}"]` });

describe('compilePageJson', () => {
  it('selects each record and cursor as text from the compiled statement, with its parameters', () => {
    const wrapped = compilePageJson(compiled as never);
    expect(wrapped.sql).toBe('SELECT "page"."record"::text AS "record", "page"."cursor"::text AS "cursor" FROM (SELECT x) AS "page"');
    expect(wrapped.params).toEqual([1]);
  });
});

describe('readPageJson', () => {
  it('joins the records into one JSON array and has no cursor when no row is beyond the limit', () => {
    const page = readPageJson([row(1), row(2)], compiled);
    expect(JSON.parse(page.data)).toEqual([{ id: 'r1', amount: 1 }, { id: 'r2', amount: 2 }]);
    expect(page.nextCursor).toBeNull();
  });

  it('drops the extra row and takes the cursor of the last row of the page', () => {
    const page = readPageJson([row(1), row(2), row(3)], compiled);
    expect(JSON.parse(page.data).map((r: { id: string }) => r.id)).toEqual(['r1', 'r2']);
    expect(JSON.parse(Buffer.from(page.nextCursor!, 'base64url').toString())).toEqual({ s: 'amount:desc', v: ['2', 'r2'] });
  });

  it('answers an empty array for no rows', () => {
    expect(readPageJson([], compiled)).toEqual({ data: '[]', nextCursor: null });
  });
});
