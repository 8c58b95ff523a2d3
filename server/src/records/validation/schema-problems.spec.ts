import { describe, expect, it } from 'vitest';
import { createRecordAjv } from './record-ajv.js';
import { schemaErrorsToProblems } from './schema-problems.js';

function problemsFor(schema: object, data: unknown) {
  const check = createRecordAjv().compile(schema);
  return check(data) ? [] : schemaErrorsToProblems(check.errors ?? []);
}

describe('schemaErrorsToProblems', () => {
  it('uses the message the schema names in x-messages for the failing keyword', () => {
    expect(problemsFor({ type: 'object', properties: { a: { not: {}, 'x-messages': { not: 'is read-only' } } } }, { a: 1 }))
      .toEqual([{ path: '/a', message: 'is read-only' }]);
  });

  it('spells union types and choices out', () => {
    expect(problemsFor({ type: ['string', 'null'] }, 1)).toEqual([{ path: '/', message: 'must be string or null' }]);
    expect(problemsFor({ enum: ['a', 'b', null] }, 'c')).toEqual([{ path: '/', message: 'must be one of "a", "b" or null' }]);
  });

  it('lists at most 20 choices', () => {
    const keys = Array.from({ length: 25 }, (_, i) => `k${i}`);
    const [problem] = problemsFor({ enum: keys }, 'x');
    expect(problem!.message).toBe(`must be one of ${keys.slice(0, 20).map((k) => `"${k}"`).join(', ')}, …`);
  });

  it('points a repeated item at its second occurrence', () => {
    expect(problemsFor({ type: 'array', uniqueItems: true }, [1, 2, 3, 2])).toEqual([{ path: '/3', message: 'repeats item 1' }]);
  });

  it('keeps the mapping of required and unknown properties from parse-body', () => {
    expect(problemsFor({ type: 'object', properties: { a: {} }, required: ['a'], additionalProperties: false }, { b: 1 })).toEqual([
      { path: '/a', message: 'is required' },
      { path: '/b', message: 'is not a known field' },
    ]);
  });
});
