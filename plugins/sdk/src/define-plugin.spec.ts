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

  it('refuses routes on the lifecycle and job paths', () => {
    expect(() => definePlugin({ routes: [{ method: 'POST', path: '/install', handler: async () => null }] })).toThrow(/reserved/);
    expect(() => definePlugin({ routes: [{ method: 'POST', path: '/jobs/run', handler: async () => null }] })).toThrow(/reserved/);
  });

  it('refuses a schedule that names no job', () => {
    expect(() => definePlugin({ schedules: { '0 * * * *': 'ghost' } })).toThrow(/names no job/);
  });

  it('recognizes its problems and responses across SDK copies by brand', async () => {
    const { respond, isPluginResponse } = await import('./define-plugin.js');
    expect(PluginProblem.is(new PluginProblem({ status: 409 }))).toBe(true);
    expect(PluginProblem.is({ problem: { status: 409 } })).toBe(false);
    expect(isPluginResponse(respond(201, { id: 1 }))).toBe(true);
    expect(isPluginResponse({ status: 201, body: {} })).toBe(false);
  });

  it('carries a problem from a rejecting hook', () => {
    const p = new PluginProblem({ status: 422, detail: 'no', errors: [{ path: '/x', message: 'bad' }] });
    expect(p.problem.errors?.[0].path).toBe('/x');
  });
});
