import { ACTIVITY_SUBJECTS } from '../vocabulary/crm-phrases.js';
import { between, DAY_MS, daysBefore, type DemoContext, type DemoRow } from './demo-types.js';

const TYPES = [['call', 5], ['email', 4], ['meeting', 2], ['visit', 2], ['note', 1]] as const;

/** Follow-ups: 1–4 per deal while it was open, plus touches on a fifth of the contacts; future ones are planned. */
export function generateActivities(c: DemoContext, contacts: DemoRow[], opportunities: DemoRow[]): DemoRow[] {
  const { rng, now } = c;
  const rows: DemoRow[] = [];
  const activity = (owner: string, at: Date, links: Record<string, unknown>, chinese: boolean) => {
    const type = rng.weighted(TYPES);
    const [cn, en] = rng.pick(ACTIVITY_SUBJECTS[type]!);
    const future = at > now;
    rows.push({
      id: rng.uuid(), owner, createdAt: future ? daysBefore(now, rng.int(0, 5)) : at,
      values: {
        subject: chinese ? cn : en, type, status: future ? 'planned' : rng.chance(0.94) ? 'done' : 'cancelled',
        starts_at: at.toISOString(), duration_minutes: type === 'meeting' || type === 'visit' ? rng.pick([30, 60, 90, 120]) : type === 'call' ? rng.int(5, 40) : null,
        ...links,
      },
    });
  };
  const contactById = new Map(contacts.map((k) => [k.id, k]));
  for (const o of opportunities) {
    const opened = new Date(o.values.open_date as string);
    const closed = o.values.stage === 'won' || o.values.stage === 'lost';
    const until = closed ? new Date(`${o.values.close_date as string}T18:00:00Z`) : new Date(now.getTime() + 14 * DAY_MS);
    const contact = o.values.contact ? contactById.get(o.values.contact as string) : undefined;
    const chinese = contact ? contact.values.province !== null && contact.values.province !== undefined : true;
    for (let i = rng.int(1, 4); i > 0; i--) activity(o.owner, between(rng, opened, until), { opportunity: o.id, account: o.values.account, contact: o.values.contact ?? null }, chinese);
  }
  for (const k of contacts) {
    if (!rng.chance(0.2)) continue;
    activity(k.owner, between(rng, k.createdAt, new Date(now.getTime() + 7 * DAY_MS)), { contact: k.id, account: k.values.account ?? null }, k.values.province !== null && k.values.province !== undefined);
  }
  return rows;
}
