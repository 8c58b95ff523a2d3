import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { daysAgo, setUpAnalyticsData, type AnalyticsData } from './analytics-data.js';

// 360° summaries of K1 (contact of rep1, team East) and East Corp, on the analytics data set plus
// an order of K1 owned by rep2, activities and tickets of K1 and an open deal with K1 as contact.
let d: AnalyticsData;
beforeAll(async () => {
  d = await setUpAnalyticsData();
  const create = async (object: string, body: Record<string, unknown>) => {
    const res = await d.admin.post(`/api/records/${object}`, body);
    if (res.status !== 201) throw new Error(`${object}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  };
  await create('sales_order', { customer: d.id.K1, account: d.id.accEast, owner: d.id.rep2, amount: 250, status: 'shipped', paid_at: daysAgo(3), shipped_at: daysAgo(1) });
  d.id.call = await create('activity', { subject: 'Renewal call', type: 'call', contact: d.id.K1, owner: d.id.rep1, starts_at: daysAgo(4) });
  await create('activity', { subject: 'Older visit', type: 'visit', contact: d.id.K1, owner: d.id.rep1, starts_at: daysAgo(30) });
  await create('activity', { subject: 'Planned meeting', type: 'meeting', contact: d.id.K1, owner: d.id.rep1, starts_at: daysAgo(-7) });
  await create('ticket', { subject: 'Broken part', status: 'open', contact: d.id.K1, owner: d.id.rep1 });
  await create('ticket', { subject: 'Invoice copy', status: 'closed', contact: d.id.K1, owner: d.id.rep1 });
  await create('ticket', { subject: 'Delivery late', status: 'new', contact: d.id.K1 });
  await create('opportunity', { name: 'K1 upsell', account: d.id.accEast, contact: d.id.K1, owner: d.id.rep1, stage: 'qualified', amount: 700 });
});
afterAll(() => d?.server.stop());

describe('contact summary', () => {
  it('adds up paid orders, the last past activity, open deals and open tickets', async () => {
    const res = await d.admin.get(`/api/records/contact/${d.id.K1}/summary`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      object: 'contact', id: d.id.K1, title: 'Customer K1',
      lifetimeValue: { amount: 1250, orders: 4, lastPaidAt: daysAgo(3) },
      lastContact: { id: d.id.call, title: 'Renewal call', type: 'call', at: daysAgo(4) },
      openOpportunities: { count: 1, amount: 700 },
      openTickets: 2,
      loyalty: null,
    });
  });

  it("counts only what the caller may read: rep1 reads their own orders and tickets", async () => {
    const res = await d.as.rep1.get(`/api/records/contact/${d.id.K1}/summary`);
    expect(res.body).toMatchObject({ lifetimeValue: { amount: 1000, orders: 3, lastPaidAt: daysAgo(5) }, openOpportunities: { count: 1, amount: 700 }, openTickets: 1 });
    expect((await d.as.rep2.get(`/api/records/contact/${d.id.K1}/summary`)).body).toMatchObject({ lifetimeValue: { amount: 250, orders: 1 }, lastContact: null, openTickets: 0 });
  });

  it('is 404 for a record outside the scope, unknown objects and ids', async () => {
    expect((await d.as.rep1.get(`/api/records/contact/${d.id.K1}/summary`)).status).toBe(200);
    expectProblem(await d.as.rep3.get(`/api/records/contact/${d.id.K1}/summary`), 404);
    expectProblem(await d.admin.get(`/api/records/nope/${d.id.K1}/summary`), 404);
    expectProblem(await d.admin.get('/api/records/contact/not-a-uuid/summary'), 404);
    expectProblem(await d.admin.get(`/api/records/contact/${d.id.K1}/summary?x=1`), 400);
  });

  it('shows the loyalty tier once the loyalty plugin is enabled', async () => {
    expect((await d.admin.post('/api/plugins/loyalty/install')).status).toBe(200);
    expect((await d.admin.post('/api/plugins/loyalty/enable')).status).toBe(200);
    const card = await d.admin.post('/api/records/loyalty_account', { contact: d.id.K1, balance: 1200, lifetime_points: 1200 });
    expect(card.status).toBe(201);
    const { tier, balance } = (await d.admin.get(`/api/records/loyalty_account/${card.body.id}`)).body;
    const labels: Record<string, string> = { bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' };
    expect((await d.admin.get(`/api/records/contact/${d.id.K1}/summary`)).body.loyalty).toEqual({ id: card.body.id, tier, tierLabel: labels[tier], points: balance });
  });
});

describe('account summary', () => {
  it("sums the account's orders and open deals", async () => {
    const res = await d.admin.get(`/api/records/account/${d.id.accEast}/summary`);
    expect(res.body).toMatchObject({
      object: 'account', title: 'East Corp', lifetimeValue: { amount: 4870, orders: 10, lastPaidAt: daysAgo(3) },
      openOpportunities: { count: 4, amount: 4800 }, openTickets: 0, lastContact: null,
    });
  });

  it('answers with zeros for a rep who may read the account but none of its deals or orders', async () => {
    expect((await d.as.rep3.get(`/api/records/account/${d.id.accEast}/summary`)).body)
      .toMatchObject({ title: 'East Corp', lifetimeValue: { amount: 0, orders: 0, lastPaidAt: null }, openOpportunities: { count: 0, amount: 0 } });
  });

  it('leaves out a part that reads a hidden field, or an object the caller may not read', async () => {
    expect((await d.admin.get(`/api/records/account/${d.id.accEast}/summary`)).body.openOpportunities).toEqual({ count: 4, amount: 4800 });
    const res = await d.as.blind.get(`/api/records/account/${d.id.accEast}/summary`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: 'East Corp', lifetimeValue: null, openOpportunities: null, openTickets: null, lastContact: null });
  });
});
