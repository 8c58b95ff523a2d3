import { definePlugin, PluginProblem } from '@loom/plugin-sdk';
import { adjustPoints } from './adjust-points.js';
import { birthdayBonus } from './birthday-bonus.js';
import { earnOnPaidOrder } from './earn-on-paid-order.js';
import { expirePoints } from './expire-points.js';
import { accountFor } from './ledger.js';
import { DEFAULT_CONFIG, DEFAULT_TIERS } from './loyalty-config.js';
import { redeemReward } from './redeem-reward.js';

/** Loyalty points (会员积分): earn on paid orders and birthdays, tiers, rewards, redemption, FIFO expiry. */
export default definePlugin({
  config: { ...DEFAULT_CONFIG },
  install: async (ctx) => {
    for (const tier of DEFAULT_TIERS) {
      const [exists] = await ctx.system.records.list('loyalty_tier', { filter: { code: tier.code }, limit: 1 });
      if (!exists) await ctx.system.records.create('loyalty_tier', tier);
    }
  },
  hooks: {
    sales_order: { afterUpdate: earnOnPaidOrder },
  },
  routes: [
    { method: 'POST', path: '/redeem', handler: redeemReward },
    { method: 'POST', path: '/adjust', handler: adjustPoints },
    {
      method: 'GET', path: '/members/:contact',
      handler: async (ctx, req) => {
        const contact = await ctx.records.get('contact', req.params.contact!);
        if (!contact) throw new PluginProblem({ status: 404, detail: `No contact ${req.params.contact}` });
        return accountFor(ctx.system.records, contact.id);
      },
    },
  ],
  jobs: {
    expire: (ctx) => expirePoints(ctx),
    birthday: (ctx) => birthdayBonus(ctx),
  },
  schedules: { '0 2 * * *': 'expire', '0 8 * * *': 'birthday' },
});
