import { CAMPAIGN_NAMES } from '../vocabulary/crm-phrases.js';
import { DAY_MS, daysBefore, isoDate, money, type DemoContext, type DemoRow } from './demo-types.js';

const TYPES = ['event', 'webinar', 'advertising', 'social', 'email', 'sms'] as const;

/** Campaigns spread evenly over the last 12 months, each running 2–6 weeks. */
export function generateCampaigns(c: DemoContext): DemoRow[] {
  const { rng, now } = c;
  return Array.from({ length: c.sizes.campaigns }, (_, i) => {
    const start = daysBefore(now, 365 - Math.floor((i * 365) / c.sizes.campaigns) - rng.int(0, 10));
    const end = new Date(start.getTime() + rng.int(14, 42) * DAY_MS);
    const [cn, en] = rng.pick(CAMPAIGN_NAMES);
    const budget = money(rng, 200_000, 2_000_000, 1000);
    return {
      id: rng.uuid(), owner: c.owners.marketing, createdAt: daysBefore(start, rng.int(10, 30)),
      values: {
        name: `${start.getUTCFullYear()}-${String(start.getUTCMonth() + 1).padStart(2, '0')} ${rng.chance(0.7) ? cn : en}`,
        campaign_type: rng.pick(TYPES), status: end < now ? (rng.chance(0.95) ? 'completed' : 'cancelled') : start < now ? 'active' : 'planned',
        start_date: isoDate(start), end_date: isoDate(end), budget, cost: end < now ? Math.round(budget * (0.7 + rng.next() * 0.4)) : Math.round(budget * 0.3),
        expected_revenue: budget * rng.int(3, 8),
      },
    };
  });
}
