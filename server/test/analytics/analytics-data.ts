import { login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * A small sales organisation with hand-computed analytics (expected numbers in analytics.e2e.ts):
 * rep1 and rep2 in team East, rep3 alone in team West (so rep3's "team" scope is their own records),
 * mkt (marketing), blind (a role that may read opportunities but not their amount).
 * Opportunities O1–O8 with stage histories rewritten to fixed instants in Jan–Feb 2026,
 * contacts K1–K7 with paid / unpaid orders N days before today, activities, campaigns C1–C3.
 */
export interface AnalyticsData {
  server: TestServer;
  admin: Client;
  as: { rep1: Client; rep2: Client; rep3: Client; mkt: Client; blind: Client };
  id: Record<string, string>;
}

/** Stage moves per opportunity: [stage, date in 2026 (MM-DD)], the first one entering the pipeline. */
export const HISTORY: Record<string, [string, string][]> = {
  O1: [['lead', '01-02'], ['qualified', '01-05'], ['proposal', '01-10'], ['negotiation', '01-15'], ['won', '01-20']],
  O2: [['lead', '01-03'], ['qualified', '01-07'], ['lost', '01-25']],
  O3: [['lead', '01-04'], ['qualified', '01-06'], ['proposal', '01-16'], ['negotiation', '02-01']],
  O4: [['lead', '01-05'], ['proposal', '01-12']],
  O5: [['lead', '01-06'], ['qualified', '01-08'], ['proposal', '01-14'], ['negotiation', '01-24'], ['won', '02-20']],
  O6: [['lead', '02-01'], ['qualified', '02-05']],
  O7: [['lead', '02-02'], ['lost', '02-12']],
  O8: [['lead', '02-03']],
};

/** UTC noon `n` days before today, so recency in days is exactly n. */
export const daysAgo = (n: number): string => {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString();
};

export async function setUpAnalyticsData(): Promise<AnalyticsData> {
  const server = await startTestServer({ embedded: false });
  const admin = await login(server.url, server.adminEmail, server.adminPassword);
  const created = async (path: string, body: unknown): Promise<string> => {
    const res = await admin.post(path, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const id: Record<string, string> = {};
  id.east = await created('/api/teams', { name: 'East' });
  id.west = await created('/api/teams', { name: 'West' });
  const blindRole = { kind: 'role', name: 'blind_analyst', label: 'Blind analyst', objects: { opportunity: { read: 'all', fields: { amount: 'none' } }, account: { read: 'all' } } };
  const put = await admin.put('/api/metadata/roles/blind_analyst', blindRole);
  if (put.status !== 201) throw new Error(`PUT role: ${put.status} ${JSON.stringify(put.body)}`);
  const person = (name: string, roles: string[], team?: string) =>
    created('/api/users', { email: `${name}@loom.test`, name, password: `${name}-password`, roles, ...(team ? { team } : {}) });
  id.rep1 = await person('rep1', ['sales_rep'], id.east);
  id.rep2 = await person('rep2', ['sales_rep'], id.east);
  id.rep3 = await person('rep3', ['sales_rep'], id.west);
  id.mkt = await person('mkt', ['marketing']);
  id.blind = await person('blind', ['blind_analyst']);

  id.accEast = await created('/api/records/account', { name: 'East Corp', owner: id.rep1 });
  id.accWest = await created('/api/records/account', { name: 'West Corp', owner: id.rep3 });
  id.C1 = await created('/api/records/campaign', { name: 'Spring expo', cost: 500 });
  id.C2 = await created('/api/records/campaign', { name: '双十一 webinar', cost: 2000 });
  id.C3 = await created('/api/records/campaign', { name: 'Newsletter' });

  const opp = async (key: string, owner: string, account: string, stage: string, amount: number, close: string | null, extra: Record<string, unknown> = {}) => {
    id[key] = await created('/api/records/opportunity', { name: key, owner: id[owner], account: id[account], stage, amount, open_date: '2025-12-01', ...(close ? { close_date: close } : {}), ...extra });
  };
  await opp('O1', 'rep1', 'accEast', 'won', 1000, '2026-01-20', { campaign: id.C1 });
  await opp('O2', 'rep1', 'accEast', 'lost', 500, '2026-01-25', { loss_reason: 'price' });
  await opp('O3', 'rep1', 'accEast', 'negotiation', 2000, '2026-02-10');
  await opp('O4', 'rep2', 'accEast', 'proposal', 1500, '2026-02-15', { campaign: id.C1 });
  await opp('O5', 'rep3', 'accWest', 'won', 3000, '2026-02-20', { campaign: id.C2 });
  await opp('O6', 'rep3', 'accWest', 'qualified', 800, '2026-03-05');
  await opp('O7', 'rep3', 'accWest', 'lost', 400, '2026-03-10', { loss_reason: 'competitor' });
  await opp('O8', 'rep2', 'accEast', 'lead', 600, null);
  await rewriteHistory(server, id);

  for (const [owner, dates] of [['rep1', ['2026-01-10', '2026-02-10', '2025-12-20']], ['rep2', ['2026-03-01']], ['rep3', ['2026-01-15', '2026-02-15', '2026-03-15']]] as const) {
    for (const date of dates) await created('/api/records/activity', { subject: `Call ${date}`, type: 'call', owner: id[owner], starts_at: `${date}T09:00:00.000Z` });
  }

  const customers: [string, string, string, [number, number, string?][]][] = [
    ['K1', 'rep1', 'accEast', [[5, 300], [20, 200], [40, 500], [2, 7777, 'refunded']]],
    ['K2', 'rep1', 'accEast', [[10, 100], [1, 9999, 'draft']]],
    ['K3', 'rep3', 'accWest', [[30, 400], [60, 400]]],
    ['K4', 'rep3', 'accWest', [[90, 50]]],
    ['K5', 'rep2', 'accEast', [[200, 1000], [210, 1000], [220, 1000], [230, 500]]],
    ['K6', 'rep1', 'accEast', [[365, 20]]],
    ['K7', 'rep1', 'accEast', [[3, 80, 'cancelled']]],
  ];
  for (const [key, owner, account, orders] of customers) {
    id[key] = await created('/api/records/contact', { name: `Customer ${key}`, owner: id[owner], account: id[account] });
    for (const [ago, amount, status = 'paid'] of orders) {
      const paid = status === 'paid' || status === 'refunded';
      await created('/api/records/sales_order', {
        customer: id[key], account: id[account], owner: id[owner], amount, status, order_date: daysAgo(ago).slice(0, 10), ...(paid ? { paid_at: daysAgo(ago) } : {}),
      });
    }
  }

  const as = {} as AnalyticsData['as'];
  for (const name of ['rep1', 'rep2', 'rep3', 'mkt', 'blind'] as const) as[name] = await login(server.url, `${name}@loom.test`, `${name}-password`);
  return { server, admin, as, id };
}

/** Replaces the history the API wrote (all "now") with the fixed moves of HISTORY. */
async function rewriteHistory(server: TestServer, id: Record<string, string>): Promise<void> {
  const url = server.database!.url;
  await sql(url, `DELETE FROM core.stage_history WHERE object = 'opportunity'`);
  for (const [key, moves] of Object.entries(HISTORY)) {
    let previous: { stage: string; at: number } | null = null;
    for (const [stage, date] of moves) {
      const at = Date.parse(`2026-${date}T10:00:00.000Z`);
      await sql(url, `INSERT INTO core.stage_history (object, record_id, pipeline, from_stage, to_stage, at, seconds_in_previous) VALUES ('opportunity', $1, 'sales', $2, $3, $4, $5)`,
        [id[key], previous?.stage ?? null, stage, new Date(at).toISOString(), previous ? Math.round((at - previous.at) / 1000) : null]);
      previous = { stage, at };
    }
  }
}

