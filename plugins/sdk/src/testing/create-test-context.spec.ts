import { describe, expect, it } from 'vitest';
import { PluginProblem } from '../define-plugin.js';
import { createTestContext } from './create-test-context.js';

describe('createTestContext', () => {
  it('keeps records of declared objects and refuses others with the server code', async () => {
    const { ctx } = createTestContext({ objects: ['ticket'] });
    const r = await ctx.records.create('ticket', { subject: 'x', n: 2 });
    expect(await ctx.records.list('ticket', { filter: { n: { $gte: 2 } } })).toHaveLength(1);
    const err = await ctx.records.get('opportunity', r.id).catch((e: unknown) => e);
    expect(PluginProblem.is(err) && err.problem.code).toBe('plugin_object_not_declared');
  });

  it('adjusts under a guard and rolls a failed transaction back', async () => {
    const { ctx } = createTestContext({ objects: ['wallet'] });
    const w = await ctx.records.create('wallet', { balance: 100 });
    expect(await ctx.records.adjust('wallet', w.id, { balance: -150 }, { where: { balance: { $gte: 150 } } })).toBeNull();
    await expect(ctx.records.transaction(async (t) => {
      await t.adjust('wallet', w.id, { balance: -60 }, { where: { balance: { $gte: 60 } } });
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect((await ctx.records.get('wallet', w.id))!.balance).toBe(100);
  });
});
