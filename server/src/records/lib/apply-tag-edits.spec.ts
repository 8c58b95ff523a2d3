import type { ObjectDef } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { applyTagEdits, tagEditProblems } from './apply-tag-edits.js';

describe('applyTagEdits', () => {
  it('adds missing tags after the existing ones and removes the named ones', () => {
    expect(applyTagEdits({ tags: ['a', 'churn_risk'] }, { addTags: { tags: ['vip', 'a'] }, removeTags: { tags: ['churn_risk'] } })).toEqual({ tags: ['a', 'vip'] });
  });

  it('starts from no tags when the field is empty', () => {
    expect(applyTagEdits({ tags: null }, { addTags: { tags: ['vip'] } })).toEqual({ tags: ['vip'] });
  });

  it('leaves out fields whose tags do not change', () => {
    expect(applyTagEdits({ tags: ['vip'], labels: [] }, { addTags: { tags: ['vip'] }, removeTags: { labels: ['x'] } })).toEqual({});
  });

  it('removing wins over adding the same tag', () => {
    expect(applyTagEdits({ tags: ['a'] }, { addTags: { tags: ['b'] }, removeTags: { tags: ['b'] } })).toEqual({});
  });
});

describe('tagEditProblems', () => {
  const obj = { name: 'contact', fields: { tags: { type: 'tags' }, name: { type: 'text' }, old: { type: 'tags', archived: true } } } as unknown as ObjectDef;

  it('accepts tags fields and names every other field at its path', () => {
    expect(tagEditProblems(obj, { addTags: { tags: ['x'], name: ['y'] }, removeTags: { old: ['z'], nope: ['w'] } }, '/update')).toEqual([
      { path: '/update/addTags/name', message: 'is not a tags field of contact' },
      { path: '/update/removeTags/old', message: 'is not a tags field of contact' },
      { path: '/update/removeTags/nope', message: 'is not a tags field of contact' },
    ]);
  });
});
