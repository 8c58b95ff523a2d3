import { describe, expect, it } from 'vitest';
import { definePlugin, PluginProblem } from './define-plugin.js';

describe('definePlugin', () => {
  it('returns the definition frozen', () => {
    const def = definePlugin({ hooks: { complaint: { beforeCreate: () => ({ status: 'received' }) } } });
    expect(Object.isFrozen(def)).toBe(true);
    expect(def.hooks?.complaint.beforeCreate).toBeTypeOf('function');
  });

  it('refuses hooks on a name that is not an object identifier', () => {
    expect(() => definePlugin({ hooks: { 'Bad Name': {} } })).toThrow(/not an object name/);
  });

  it('refuses a hook that is not a function', () => {
    expect(() => definePlugin({ hooks: { ticket: { afterCreate: 'nope' as never } } })).toThrow(/must be a function/);
  });

  it('refuses a route without a leading slash', () => {
    expect(() => definePlugin({ routes: [{ method: 'GET', path: 'intake', handler: async () => null }] })).toThrow(/must start with/);
  });

  it('carries a problem from a rejecting hook', () => {
    const p = new PluginProblem({ status: 422, detail: 'no', errors: [{ path: '/x', message: 'bad' }] });
    expect(p.problem.errors?.[0].path).toBe('/x');
  });
});
