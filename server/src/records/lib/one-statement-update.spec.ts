import type { MetadataSet, ObjectDef } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { oneStatementUpdatable } from './one-statement-update.js';

const label = { en: 'x', 'zh-CN': 'x' };
const part = {
  kind: 'object', name: 'part', label, titleField: 'name',
  fields: {
    name: { type: 'text' }, qty: { type: 'integer' }, made_on: { type: 'date' }, tags: { type: 'tags' }, account: { type: 'relation', target: 'account' },
    seen_at: { type: 'datetime' }, extra: { type: 'json' }, stage: { type: 'stage', pipeline: 'p' },
    links: { type: 'relation', target: 'account', relationType: 'manyToMany' }, old: { type: 'text', archived: true },
  },
} as unknown as ObjectDef;
const set = (extra: Partial<MetadataSet> = {}) => ({ objects: { part }, approvals: {}, ...extra }) as unknown as MetadataSet;

describe('oneStatementUpdatable', () => {
  it('takes column fields whose SQL comparison is the same as Node\'s, and owner', () => {
    expect(oneStatementUpdatable(set(), part, ['name', 'qty', 'made_on', 'tags', 'account', 'owner'])).toBe(true);
  });

  it.each([['seen_at'], ['extra'], ['stage'], ['links'], ['old'], ['nope']])('leaves a patch of %s to the ordinary path', (field) => {
    expect(oneStatementUpdatable(set(), part, ['name', field])).toBe(false);
  });

  it('leaves objects with validation rules or approval processes to the ordinary path', () => {
    expect(oneStatementUpdatable(set(), { ...part, validations: [{ name: 'r', condition: {}, message: label }] } as unknown as ObjectDef, ['name'])).toBe(false);
    expect(oneStatementUpdatable(set({ approvals: { a: { object: 'part' } } } as never), part, ['name'])).toBe(false);
    expect(oneStatementUpdatable(set({ approvals: { a: { object: 'deal' } } } as never), part, ['name'])).toBe(true);
  });
});
