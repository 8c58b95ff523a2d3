import { PluginProblem, respond, type PluginContext, type PluginRequest } from '@loom/plugin-sdk';
import { consumeFifo, post } from './ledger.js';

/**
 * POST /redeem `{ account, reward }`: the caller must see the account; then, in ONE transaction, the
 * balance and the stock are taken by guarded adjusts (`balance >= cost`, `stock >= 1`) — concurrent
 * redemptions serialize on the account row and never overdraw — the earnings are consumed oldest first
 * and the redeem entry is written. 409 `insufficient_points` / `out_of_stock` otherwise.
 */
export async function redeemReward(ctx: PluginContext, req: PluginRequest) {
  const body = (req.body ?? {}) as { account?: unknown; reward?: unknown };
  if (typeof body.account !== 'string' || typeof body.reward !== 'string') {
    throw new PluginProblem({ status: 422, detail: 'account and reward are required', errors: [{ path: '/account', message: 'is required' }, { path: '/reward', message: 'is required' }].filter((x) => typeof body[x.path.slice(1) as 'account'] !== 'string') });
  }
  const visible = await ctx.records.get('loyalty_account', body.account);
  if (!visible) throw new PluginProblem({ status: 404, detail: `No loyalty account ${body.account}` });
  const reward = await ctx.system.records.get('reward', body.reward);
  if (!reward || reward.active === false) throw new PluginProblem({ status: 404, detail: `No active reward ${body.reward}` });
  const cost = Number(reward.cost);
  const account = await ctx.system.records.transaction(async (t) => {
    const after = await post(t, body.account as string, { type: 'redeem', points: -cost, reason: `Redeemed ${String(reward.name)}`, reward: reward.id });
    if (!after) throw new PluginProblem({ status: 409, code: 'insufficient_points', detail: `The balance is below the ${cost} points this reward costs`, errors: [{ path: '/account', message: 'has too few points' }] });
    if (!(await t.adjust('reward', reward.id, { stock: -1 }, { where: { stock: { $gte: 1 } } }))) {
      throw new PluginProblem({ status: 409, code: 'out_of_stock', detail: `${String(reward.name)} is out of stock`, errors: [{ path: '/reward', message: 'is out of stock' }] });
    }
    await consumeFifo(t, body.account as string, cost);
    return after;
  });
  return respond(201, { account: account.id, balance: account.balance, tier: account.tier, reward: reward.id, cost });
}
