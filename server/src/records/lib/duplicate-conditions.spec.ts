import { describe, expect, it } from 'vitest';
import type { ObjectDef } from '@loom/metadata';
import { duplicateMatch } from './duplicate-conditions.js';

const contact = {
  kind: 'object', name: 'contact', label: 'Contact', titleField: 'name',
  fields: { name: { type: 'text' }, email: { type: 'email' }, mobile: { type: 'phone' }, account: { type: 'relation', target: 'account' }, level: { type: 'select', options: [] } },
} as unknown as ObjectDef;

function build(rule: { match: string[]; fuzzy?: boolean }, record: Record<string, unknown>, trigram: string | null = null) {
  const params: unknown[] = [];
  const match = duplicateMatch(contact, rule, record, (v) => { params.push(v); return `$${params.length}`; }, trigram);
  return { match, params };
}

describe('duplicateMatch', () => {
  it('compares emails trimmed and lower-case', () => {
    expect(build({ match: ['email'] }, { email: 'Ann@X.com' })).toEqual({
      match: { conditions: ['lower(btrim("t0"."email")) = lower(btrim($1))'], score: '1' }, params: ['Ann@X.com'],
    });
  });

  it('compares phones by their last 11 digits', () => {
    expect(build({ match: ['mobile'] }, { mobile: '+86 138-0013-8000' })).toEqual({
      match: { conditions: [`right(regexp_replace("t0"."mobile", '\\D', '', 'g'), 11) = $1`], score: '1' }, params: ['13800138000'],
    });
  });

  it('compares names without case or spaces, and relations by id', () => {
    const { match, params } = build({ match: ['name', 'account'] }, { name: 'Ann  Lee', account: { id: 'a1', title: 'Acme' } });
    expect(match!.conditions).toEqual([
      `lower(regexp_replace("t0"."name", '\\s+', '', 'g')) = lower(regexp_replace($1, '\\s+', '', 'g'))`, '"t0"."account_id" = $2',
    ]);
    expect(params).toEqual(['Ann  Lee', 'a1']);
  });

  it('uses trigram similarity for fuzzy rules when pg_trgm is there, scoring exact fields as 1', () => {
    const { match } = build({ match: ['name', 'account'], fuzzy: true }, { name: 'Ann', account: 'a1' }, '"public"');
    expect(match!.conditions[0]).toBe('"public".similarity(lower("t0"."name"), lower($1)) > 0.6');
    expect(match!.score).toBe('CAST(("public".similarity(lower("t0"."name"), lower($1))) / 2 + 0.5 AS double precision)');
    expect(build({ match: ['name'], fuzzy: true }, { name: 'Ann' }).match!.conditions[0]).toContain('regexp_replace');
  });

  it('gives up when a value is missing or unreadable', () => {
    expect(build({ match: ['email'] }, { email: null }).match).toBeNull();
    expect(build({ match: ['name', 'email'] }, { name: 'Ann' }).match).toBeNull();
    expect(build({ match: ['mobile'] }, { mobile: '--' }).match).toBeNull();
    expect(build({ match: ['nope'] }, { nope: 1 }).match).toBeNull();
  });
});
