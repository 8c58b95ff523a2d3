import { describe, expect, it } from 'vitest';
import { diffDocuments, previewValue } from './diff-documents';

describe('diffDocuments', () => {
  it('finds nothing between equal documents', () => {
    expect(diffDocuments({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toEqual([]);
    expect(diffDocuments({ list: [{ x: 1, y: 2 }] }, { list: [{ y: 2, x: 1 }] })).toEqual([]);
  });

  it('reports added, removed and changed properties by dotted path', () => {
    expect(diffDocuments({ a: 1, b: { c: 'x' } }, { a: 2, b: {}, d: true })).toEqual([
      { path: 'a', op: 'change', before: 1, after: 2 },
      { path: 'b.c', op: 'remove', before: 'x' },
      { path: 'd', op: 'add', after: true },
    ]);
  });

  it('matches stages by key: an inserted stage is one addition, not a change of every later stage', () => {
    const before = { stages: [{ key: 'lead' }, { key: 'won', probability: 100 }] };
    const after = { stages: [{ key: 'lead' }, { key: 'demo', probability: 30 }, { key: 'won', probability: 90 }] };
    expect(diffDocuments(before, after)).toEqual([
      { path: 'stages[demo]', op: 'add', after: { key: 'demo', probability: 30 } },
      { path: 'stages[won].probability', op: 'change', before: 100, after: 90 },
    ]);
  });

  it('says when named items only moved', () => {
    const before = { steps: [{ name: 'a' }, { name: 'b' }] };
    const after = { steps: [{ name: 'b' }, { name: 'a' }] };
    expect(diffDocuments(before, after)).toEqual([{ path: 'steps', op: 'reorder', before: ['a', 'b'], after: ['b', 'a'] }]);
  });

  it('compares lists of plain values whole', () => {
    expect(diffDocuments({ f: ['a', 'b'] }, { f: ['b'] })).toEqual([{ path: 'f', op: 'change', before: ['a', 'b'], after: ['b'] }]);
  });

  it('shortens long values', () => {
    expect(previewValue('x'.repeat(200), 10)).toBe('xxxxxxxxx…');
    expect(previewValue({ a: 1 })).toBe('{"a":1}');
  });
});
