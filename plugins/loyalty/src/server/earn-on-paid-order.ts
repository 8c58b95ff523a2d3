import type { HookEvent, PluginContext } from '@loom/plugin-sdk';
import { accountFor, post } from './ledger.js';
import { loyaltyConfig } from './loyalty-config.js';
import { addDays, pointsFor } from './tier-for.js';

/**
 * sales_order afterUpdate: when an order becomes paid, its customer earns points at the configured rate.
 * Once per order: the transaction's unique (source_object, source_id, type) refuses a second earning.
 */
export async function earnOnPaidOrder(ctx: PluginContext, e: HookEvent): Promise<void> {
  if (e.changes?.status !== 'paid') return;
  const order = await ctx.system.records.get('sales_order', e.record.id);
  if (!order?.customer) return;
  const config = loyaltyConfig(ctx);
  const points = pointsFor(Number(order.amount ?? 0), config.pointsPerCurrencyUnit);
  if (points <= 0) return;
  const account = await accountFor(ctx.system.records, String(order.customer));
  try {
    await ctx.system.records.transaction((t) => post(t, account.id, {
      type: 'earn', points, reason: `Order ${order.number ?? order.id} paid`, source: { object: 'sales_order', id: order.id },
      expiresAt: addDays(new Date(), config.expiryDays),
    }));
  } catch (err) {
    if ((err as { problem?: { status?: number } }).problem?.status === 409 || (err as { status?: number }).status === 409) return; // already earned
    throw err;
  }
  ctx.logger.info('points earned', { order: order.id, points });
}
