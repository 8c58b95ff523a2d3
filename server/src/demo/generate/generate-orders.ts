import { CHINESE_STREETS } from '../vocabulary/companies-and-places.js';
import { between, DAY_MS, daysBefore, isoDate, money, type DemoContext, type DemoRow, type DemoStageMove } from './demo-types.js';

const METHODS_CN = ['bank_transfer', 'alipay', 'wechat_pay', 'bank_transfer'] as const;
const METHODS_EN = ['bank_transfer', 'credit_card'] as const;

/**
 * Orders: one per won deal (paid within days of winning), and repeat purchases by about 40% of
 * contacts — a few buy often, most once or twice — so RFM has every kind of customer.
 * Statuses: mostly paid or shipped, some draft, cancelled or refunded.
 */
export function generateOrders(c: DemoContext, contacts: DemoRow[], opportunities: DemoRow[], moves: DemoStageMove[]): DemoRow[] {
  const { rng, now } = c;
  const wonAt = new Map(moves.filter((m) => m.to === 'won').map((m) => [m.recordId, m.at]));
  const contactById = new Map(contacts.map((k) => [k.id, k]));
  const rows: DemoRow[] = [];
  const order = (customer: DemoRow, at: Date, amount: number, opportunity: string | null, closed: boolean) => {
    const chinese = customer.values.province !== null && customer.values.province !== undefined;
    const status = closed ? rng.weighted([['shipped', 6], ['paid', 3], ['refunded', 1]] as const)
      : rng.weighted([['shipped', 55], ['paid', 25], ['draft', 8], ['cancelled', 6], ['refunded', 6]] as const);
    const paidAt = new Date(Math.min(now.getTime(), at.getTime() + rng.int(0, 72) * 3_600_000));
    const isPaid = status === 'paid' || status === 'shipped' || status === 'refunded';
    rows.push({
      id: rng.uuid(), owner: customer.owner, createdAt: at,
      values: {
        customer: customer.id, account: customer.values.account ?? null, opportunity, amount, status, order_date: isoDate(at),
        paid_at: isPaid ? paidAt.toISOString() : null,
        shipped_at: status === 'shipped' ? new Date(Math.min(now.getTime(), paidAt.getTime() + rng.int(1, 5) * DAY_MS)).toISOString() : null,
        payment_method: isPaid ? rng.pick(chinese ? METHODS_CN : METHODS_EN) : null,
        shipping_address: chinese ? `${customer.values.city}市${rng.pick(CHINESE_STREETS)}${rng.int(1, 999)}号` : null,
      },
    });
  };
  for (const o of opportunities) {
    const at = wonAt.get(o.id);
    const customer = o.values.contact ? contactById.get(o.values.contact as string) : undefined;
    if (at && customer) order(customer, at, Math.round((o.values.amount as number) * (1 - ((o.values.discount as number | null) ?? 0) / 100)), o.id, true);
  }
  for (const k of contacts) {
    if (!rng.chance(0.4)) continue;
    const count = Math.min(12, Math.floor(rng.exponential(2.2)) + 1);
    const loyalSince = between(rng, new Date(Math.max(k.createdAt.getTime(), daysBefore(now, 365).getTime())), now);
    for (let i = 0; i < count; i++) order(k, between(rng, loyalSince, now), money(rng, 200, 30_000, 10), null, false);
  }
  return rows;
}
