import type { PluginContext } from '@loom/plugin-sdk';
import { accountFor, post } from './ledger.js';
import { loyaltyConfig } from './loyalty-config.js';
import { addDays } from './tier-for.js';

/** Job `birthday`: members whose birthday is today earn the configured bonus once a year. */
export async function birthdayBonus(ctx: PluginContext, now = new Date()): Promise<{ awarded: number }> {
  const config = loyaltyConfig(ctx);
  if (config.birthdayBonus <= 0) return { awarded: 0 };
  const year = now.getUTCFullYear();
  const contacts = await ctx.system.records.list('contact', { filter: { birthday: { $anniversary: '$today' } }, limit: 500 });
  let awarded = 0;
  for (const contact of contacts) {
    const account = await accountFor(ctx.system.records, contact.id);
    if (Number(account.birthday_bonus_year) === year) continue;
    await ctx.system.records.transaction(async (t) => {
      const marked = await t.adjust('loyalty_account', account.id, {}, { where: { $or: [{ birthday_bonus_year: { $ne: year } }, { birthday_bonus_year: { $exists: false } }] }, set: { birthday_bonus_year: year } });
      if (!marked) return;
      await post(t, account.id, { type: 'earn', points: config.birthdayBonus, reason: `Birthday bonus ${year}`, source: { object: 'contact', id: `${contact.id}:${year}` }, expiresAt: addDays(now, config.expiryDays) });
      awarded++;
    });
  }
  return { awarded };
}
