import { describe, expect, it } from 'vitest';
import { parseBody } from './parse-body.js';
import { ProblemError } from './problem.js';

const schema = {
  type: 'object', additionalProperties: false, required: ['email'],
  properties: { email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 0 } },
};

function problemOf(body: unknown) {
  try {
    parseBody(schema, body);
  } catch (e) {
    return (e as ProblemError).body;
  }
  throw new Error('expected a problem');
}

describe('parseBody', () => {
  it('returns a valid body', () => {
    expect(parseBody(schema, { email: 'a@b.co', age: 3 })).toEqual({ email: 'a@b.co', age: 3 });
  });

  it('reports missing, unknown and wrongly typed fields with paths', () => {
    const p = problemOf({ age: -1, extra: 1 });
    expect(p.status).toBe(422);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['/age', '/email', '/extra']);
  });

  it('checks formats', () => {
    expect(problemOf({ email: 'nope' }).errors).toEqual([{ path: '/email', message: 'must match format "email"' }]);
  });
});
