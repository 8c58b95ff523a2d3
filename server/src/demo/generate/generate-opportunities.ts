import { DEAL_NAMES } from '../vocabulary/crm-phrases.js';
import { simulateStages } from './simulate-stages.js';
import { between, DAY_MS, daysBefore, isoDate, money, type DemoContext, type DemoRow, type DemoStageMove } from './demo-types.js';

const PROBABILITY: Readonly<Record<string, number>> = { lead: 10, qualified: 20, proposal: 40, negotiation: 70, won: 100, lost: 0 };
const AMOUNTS: Readonly<Record<string, readonly [number, number]>> = { key_account: [200_000, 2_000_000], important: [50_000, 500_000], normal: [5_000, 120_000] };
const LOSS_REASONS = [['price', 4], ['competitor', 3], ['no_budget', 2], ['no_decision', 2], ['timing', 1], ['product_fit', 1]] as const;

/**
 * Opportunities opened over the last 12 months on accounts (key accounts more often), each walked
 * through the sales pipeline: the stage history is the path, closed deals close on their last move,
 * open ones expect to close in the coming months; about a fifth come from a campaign running then.
 */
export function generateOpportunities(c: DemoContext, accounts: DemoRow[], contacts: DemoRow[], campaigns: DemoRow[]): { rows: DemoRow[]; moves: DemoStageMove[] } {
  const { rng, now } = c;
  const contactsOf = new Map<string, DemoRow[]>();
  for (const k of contacts) contactsOf.set(k.values.account as string, [...(contactsOf.get(k.values.account as string) ?? []), k]);
  const weights = accounts.map((a) => [a, a.values.level === 'key_account' ? 5 : a.values.level === 'important' ? 2 : 1] as const);
  const rows: DemoRow[] = [];
  const moves: DemoStageMove[] = [];
  for (let i = 0; i < c.sizes.opportunities; i++) {
    const account = rng.weighted(weights);
    const opened = between(rng, new Date(Math.max(account.createdAt.getTime(), daysBefore(now, 365).getTime())), daysBefore(now, 1));
    const path = simulateStages(rng, opened, now);
    const last = path.moves.at(-1)!;
    const closed = path.final === 'won' || path.final === 'lost';
    const campaign = !rng.chance(0.2) ? undefined : campaigns.find((k) => Date.parse(k.values.start_date as string) <= opened.getTime() && opened.getTime() <= Date.parse(k.values.end_date as string) + 30 * DAY_MS);
    const [range0, range1] = AMOUNTS[account.values.level as string] ?? AMOUNTS.normal!;
    const [cn, en] = rng.pick(DEAL_NAMES);
    const accountName = String(account.values.name);
    const id = rng.uuid();
    rows.push({
      id, owner: account.owner, createdAt: opened, updatedAt: last.at,
      values: {
        name: `${accountName.replace(/(股份|集团)?有限公司$/, '')} ${account.values.country === '中国' ? cn : en}`.slice(0, 200),
        account: account.id, contact: contactsOf.has(account.id) ? rng.pick(contactsOf.get(account.id)!).id : null, amount: money(rng, range0, range1),
        probability: PROBABILITY[path.final], stage: path.final, open_date: isoDate(opened),
        close_date: isoDate(closed ? last.at : new Date(now.getTime() + rng.int(7, 120) * DAY_MS)),
        discount: rng.chance(0.3) ? rng.int(1, 20) : null, cost: null,
        loss_reason: path.final === 'lost' ? rng.weighted(LOSS_REASONS) : null,
        source: campaign ? 'campaign' : rng.pick(['website', 'referral', 'advertising', 'trade_show', 'social_media', 'cold_call', 'partner']),
        campaign: campaign?.id ?? null,
      },
    });
    const amount = rows.at(-1)!.values.amount as number;
    rows.at(-1)!.values.cost = Math.round(amount * (0.45 + rng.next() * 0.3));
    path.moves.forEach((m, j) => moves.push({ recordId: id, from: j ? path.moves[j - 1]!.stage : null, to: m.stage, at: m.at, by: account.owner }));
  }
  return { rows, moves };
}
