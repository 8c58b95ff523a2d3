import { describe, expect, it } from 'vitest';
import { resolvePluginOrder, type PluginNode } from './resolve-plugin-order.js';

const p = (name: string, version = '1.0.0', dependsOn?: Record<string, string>, engine = '^1.0.0'): PluginNode => ({ name, version, engine, dependsOn });

describe('resolvePluginOrder', () => {
  it('puts dependencies first, ties by name', () => {
    const r = resolvePluginOrder([p('complaints', '1.2.0', { loyalty: '^1.0.0' }), p('loyalty'), p('audit')], '1.4.0');
    expect(r.order).toEqual(['audit', 'loyalty', 'complaints']);
    expect(r.refused.size).toBe(0);
  });

  it('refuses an engine out of range', () => {
    const r = resolvePluginOrder([p('old', '1.0.0', undefined, '^2.0.0')], '1.4.0');
    expect(r.order).toEqual([]);
    expect(r.refused.get('old')).toBe('engine 1.4.0 does not satisfy "^2.0.0"');
  });

  it('names a missing or incompatible dependency, and refuses dependents of a refused plugin', () => {
    const r = resolvePluginOrder([p('a', '1.0.0', { ghost: '^1.0.0' }), p('b', '1.0.0', { c: '^2.0.0' }), p('c', '1.5.0'), p('d', '1.0.0', { a: '*' })], '1.0.0');
    expect(Object.fromEntries(r.refused)).toEqual({
      a: 'dependency ghost ^1.0.0 is missing',
      b: 'dependency c is 1.5.0, which does not satisfy "^2.0.0"',
      d: 'dependency a cannot run: dependency ghost ^1.0.0 is missing',
    });
    expect(r.order).toEqual(['c']);
  });

  it('refuses a cycle, naming its members', () => {
    const r = resolvePluginOrder([p('x', '1.0.0', { y: '*' }), p('y', '1.0.0', { x: '*' }), p('z')], '1.0.0');
    expect(r.order).toEqual(['z']);
    expect(r.refused.get('x')).toBe('dependency cycle among x, y');
  });
});
