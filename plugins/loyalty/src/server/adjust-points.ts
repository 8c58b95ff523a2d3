import { PluginProblem, type PluginContext, type PluginRequest } from '@loom/plugin-sdk';
import { consumeFifo, post } from './ledger.js';
import { loyaltyConfig } from './loyalty-config.js';
import { addDays } from './tier-for.js';

/**
 * POST /adjust `{ account, points, reason }`: a manual correction, written as the caller — only roles
 * that may create points transactions and update accounts (admin, loyalty_manager) get through.
 */
export async function adjustPoints(ctx: PluginContext, req: PluginRequest) {
  const b = (req.body ?? {}) as { account?: unknown; points?: unknown; reason?: unknown };
  const errors = [
    typeof b.account !== 'string' && { path: '/account', message: 'is required' },
    (!Number.isInteger(b.points) || b.points === 0) && { path: '/points', message: 'must be a non-zero integer' },
    (typeof b.reason !== 'string' || !b.reason.trim()) && { path: '/reason', message: 'is required' },
  ].filter(Boolean) as { path: string; message: string }[];
  if (errors.length) throw new PluginProblem({ status: 422, detail: 'The adjustment is invalid', errors });
  const points = b.points as number;
  const expiresAt = addDays(new Date(), loyaltyConfig(ctx).expiryDays);
  const account = await ctx.records.transaction(async (t) => {
    const after = await post(t, b.account as string, { type: 'adjust', points, reason: String(b.reason), expiresAt });
    if (!after) throw new PluginProblem({ status: 409, code: 'insufficient_points', detail: 'The balance cannot go below zero', errors: [{ path: '/points', message: 'exceeds the balance' }] });
    if (points < 0) await consumeFifo(t, b.account as string, -points);
    return after;
  });
  return { account: account.id, balance: account.balance, lifetime_points: account.lifetime_points, tier: account.tier };
}
