import { TICKET_SUBJECTS } from '../vocabulary/crm-phrases.js';
import { between, DAY_MS, daysBefore, type DemoContext, type DemoRow } from './demo-types.js';

const CATEGORIES = [['product', 4], ['delivery', 3], ['billing', 2], ['consultation', 3], ['complaint', 1], ['other', 1]] as const;

/** Service tickets from customers who ordered, mostly resolved; the recent ones still open. */
export function generateTickets(c: DemoContext, orders: DemoRow[], contacts: DemoRow[]): DemoRow[] {
  const { rng, now } = c;
  const contactById = new Map(contacts.map((k) => [k.id, k]));
  const paid = orders.filter((o) => o.values.paid_at);
  if (!paid.length || !c.owners.service.length) return [];
  return Array.from({ length: c.sizes.tickets }, () => {
    const o = rng.pick(paid);
    const contact = contactById.get(o.values.customer as string)!;
    const chinese = contact.values.province !== null && contact.values.province !== undefined;
    const category = rng.weighted(CATEGORIES);
    const [cn, en] = rng.pick(TICKET_SUBJECTS[category]!);
    const opened = between(rng, new Date(o.values.paid_at as string), now);
    const age = (now.getTime() - opened.getTime()) / DAY_MS;
    const status = age > 10 ? rng.weighted([['closed', 6], ['resolved', 3], ['pending', 1]] as const) : rng.weighted([['new', 3], ['open', 4], ['pending', 2], ['resolved', 1]] as const);
    const done = status === 'resolved' || status === 'closed';
    const priority = category === 'complaint' ? rng.pick(['high', 'urgent']) : rng.weighted([['low', 3], ['medium', 5], ['high', 2], ['urgent', 1]] as const);
    return {
      id: rng.uuid(), owner: rng.pick(c.owners.service), createdAt: opened,
      values: {
        subject: chinese ? cn : en, status, priority, category, channel: chinese ? rng.pick(['phone', 'wechat', 'web', 'email']) : rng.pick(['email', 'web', 'phone']),
        contact: contact.id, account: contact.values.account ?? null, sales_order: o.id,
        due_at: new Date(opened.getTime() + (priority === 'urgent' ? 0.5 : priority === 'high' ? 1 : 3) * DAY_MS).toISOString(),
        resolved_at: done ? new Date(Math.min(now.getTime(), opened.getTime() + rng.exponential(2) * DAY_MS + 3_600_000)).toISOString() : null,
        satisfaction: done && rng.chance(0.7) ? rng.weighted([[5, 5], [4, 4], [3, 2], [2, 1], [1, 1]] as const) : null,
      },
    };
  }).filter((t) => t.createdAt > daysBefore(now, 400));
}
