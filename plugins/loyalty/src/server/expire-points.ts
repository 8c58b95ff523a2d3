import type { PluginContext } from '@loom/plugin-sdk';
import { post } from './ledger.js';

/**
 * Job `expire`: unused earnings whose expiry date has come, oldest earn first, each in its own
 * transaction: an `expire` entry of what is left, `remaining` set to 0, balance lowered, tier kept.
 */
export async function expirePoints(ctx: PluginContext, today = new Date().toISOString().slice(0, 10)): Promise<{ expired: number; points: number }> {
  let expired = 0, points = 0;
  for (;;) {
    const due = await ctx.system.records.list('points_transaction', { filter: { remaining: { $gt: 0 }, expires_at: { $lte: today } }, sort: 'occurred_at,id', limit: 100 });
    if (!due.length) return { expired, points };
    for (const earn of due) {
      const left = Number(earn.remaining);
      await ctx.system.records.transaction(async (t) => {
        const current = await t.get('points_transaction', earn.id);
        const still = Number(current?.remaining ?? 0);
        if (still <= 0) return;
        await t.update('points_transaction', earn.id, { remaining: 0 });
        await post(t, String(earn.account), { type: 'expire', points: -Math.min(still, left), reason: `Points earned ${String(earn.occurred_at ?? '').slice(0, 10)} expired` });
      });
      expired++;
      points += left;
    }
  }
}
