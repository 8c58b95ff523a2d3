import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let contact: string;
let account: string;
let mug: string;

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  let v = await read();
  for (let i = 0; i < 50 && !ok(v); i++) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  if (!ok(v)) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
  return v;
}

const member = async () => (await admin.get(`/api/plugins/loyalty/members/${contact}`)).body;

async function payOrder(amount: number): Promise<string> {
  const order = await admin.post('/api/records/sales_order', { customer: contact, amount, status: 'draft' });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  const paid = await admin.patch(`/api/records/sales_order/${order.body.id}`, { status: 'paid', paid_at: new Date().toISOString() });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  return order.body.id;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  expect((await admin.post('/api/plugins/loyalty/install')).status).toBe(200);
  expect((await admin.post('/api/plugins/loyalty/enable')).status).toBe(200);
  contact = (await admin.post('/api/records/contact', { name: '王小明', email: 'xiaoming@example.com' })).body.id;
});

afterAll(async () => {
  await server?.stop();
});

describe('loyalty points end to end', () => {
  it('installs its tiers', async () => {
    const tiers = (await admin.get('/api/records/loyalty_tier?sort=threshold')).body.data;
    expect(tiers.map((t: { code: string; threshold: number }) => [t.code, t.threshold])).toEqual([['bronze', 0], ['silver', 1000], ['gold', 5000], ['platinum', 20000]]);
  });

  it('an order that becomes paid earns points once, and the tier follows lifetime points', async () => {
    const first = await payOrder(1200.5);
    const m = await eventually(member, (v) => v.balance === 1200, 'points for the first order');
    account = m.id;
    expect(m).toMatchObject({ balance: 1200, lifetime_points: 1200, tier: 'silver' });
    await admin.patch(`/api/records/sales_order/${first}`, { notes: 'gift wrap' });
    await payOrder(4000);
    const gold = await eventually(member, (v) => v.balance === 5200, 'points for the second order');
    expect(gold).toMatchObject({ lifetime_points: 5200, tier: 'gold' });
    const earns = (await admin.get(`/api/records/points_transaction?filter=${encodeURIComponent(JSON.stringify({ account, type: 'earn' }))}`)).body.data;
    expect(earns).toHaveLength(2);
  });

  it('redeems a reward: balance and stock in one transaction; out of stock rolls the points back', async () => {
    mug = (await admin.post('/api/records/reward', { name: 'Mug 马克杯', cost: 700, stock: 100 })).body.id;
    const res = await admin.post('/api/plugins/loyalty/redeem', { account, reward: mug });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ balance: 4500, tier: 'gold', cost: 700 });
    const none = (await admin.post('/api/records/reward', { name: 'Sold out', cost: 10, stock: 0 })).body.id;
    const p = expectProblem(await admin.post('/api/plugins/loyalty/redeem', { account, reward: none }), 409);
    expect(p).toMatchObject({ code: 'out_of_stock', plugin: 'loyalty' });
    expect((await member()).balance).toBe(4500);
  });

  it('20 concurrent redemptions never overdraw the balance', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => admin.post('/api/plugins/loyalty/redeem', { account, reward: mug })));
    const ok = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status === 409);
    expect(ok).toHaveLength(6);
    expect(refused).toHaveLength(14);
    expect(refused.every((r) => r.body.code === 'insufficient_points')).toBe(true);
    const m = await member();
    expect(m).toMatchObject({ balance: 300, lifetime_points: 5200, tier: 'gold' });
    expect((await admin.get(`/api/records/reward/${mug}`)).body.stock).toBe(93);
    const [{ sum, n }] = await sql(server.database!.url, `SELECT sum(points)::int AS sum, count(*)::int AS n FROM data.points_transaction WHERE type = 'redeem'`);
    expect({ sum, n }).toEqual({ sum: -4900, n: 7 });
  });

  it('manual adjustments are permission-controlled', async () => {
    await admin.post('/api/users', { email: 'agent@loom.test', name: 'Agent', password: 'agent-password-1', roles: ['service_agent'] });
    const agent = await login(server.url, 'agent@loom.test', 'agent-password-1');
    expectProblem(await agent.post('/api/plugins/loyalty/adjust', { account, points: 1000, reason: 'friend' }), 403);
    expectProblem(await admin.post('/api/plugins/loyalty/adjust', { account, points: 0 }), 422);
    expectProblem(await admin.post('/api/plugins/loyalty/adjust', { account, points: -5000, reason: 'too much' }), 409);
    const res = await admin.post('/api/plugins/loyalty/adjust', { account, points: 100, reason: 'goodwill' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ balance: 400, lifetime_points: 5200 });
  });

  it('earns at the rate an admin configures', async () => {
    expectProblem(await admin.put('/api/plugins/loyalty/config', []), 422);
    expect((await admin.put('/api/plugins/loyalty/config', { pointsPerCurrencyUnit: 2 })).status).toBe(200);
    await payOrder(50);
    await eventually(member, (v) => v.balance === 500, 'points at the configured rate');
    expect((await admin.put('/api/plugins/loyalty/config', {})).status).toBe(200);
  });

  it('expiry takes the unused points of the oldest due earnings (FIFO by earn date)', async () => {
    // redemptions used the first order's 1200 and 3700 of the second's 4000: 300 left there, plus the 100 adjustment
    await sql(server.database!.url, `UPDATE data.points_transaction SET expires_at = current_date - 1 WHERE type = 'earn'`);
    const rows = await sql(server.database!.url, `SELECT points::int AS points, remaining::int AS remaining FROM data.points_transaction WHERE type IN ('earn', 'adjust') ORDER BY occurred_at`);
    expect(rows).toEqual([{ points: 1200, remaining: 0 }, { points: 4000, remaining: 300 }, { points: 100, remaining: 100 }, { points: 100, remaining: 100 }]);
    const job = await admin.post('/api/plugins/loyalty/jobs/expire', {});
    expect(job.status).toBe(202);
    const m = await eventually(member, (v) => v.balance === 100, 'expiry');
    expect(m).toMatchObject({ balance: 100, lifetime_points: 5300, tier: 'gold' });
    const expired = await sql(server.database!.url, `SELECT points::int AS points FROM data.points_transaction WHERE type = 'expire' ORDER BY occurred_at`);
    expect(expired).toEqual([{ points: -300 }, { points: -100 }]);
  });
});
