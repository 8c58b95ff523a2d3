import { describe, expect, it } from 'vitest';
import { StatementParams } from './statement-params.js';

describe('StatementParams', () => {
  it('numbers added values in order, with an optional cast', () => {
    const p = new StatementParams();
    expect(p.add('sales')).toBe('$1');
    expect(p.add(['a', 'b'], 'text[]')).toBe('$2::text[]');
    expect(p.values).toEqual(['sales', ['a', 'b']]);
  });

  it('shifts the placeholders of an embedded statement past the values already bound', () => {
    const p = new StatementParams();
    p.add('x');
    p.add('y');
    const sql = p.embed('"t0"."amount" >= $1 AND "t0"."owner" = ANY($2::uuid[]) AND $10 IS NULL', [100, ['u'], 0, 0, 0, 0, 0, 0, 0, null]);
    expect(sql).toBe('"t0"."amount" >= $3 AND "t0"."owner" = ANY($4::uuid[]) AND $12 IS NULL');
    expect(p.values.slice(0, 4)).toEqual(['x', 'y', 100, ['u']]);
    expect(p.add('z')).toBe('$13');
  });
});
