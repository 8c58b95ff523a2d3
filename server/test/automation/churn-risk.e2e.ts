import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, startLoom, waitFor, type Loom } from './support/loom.js';

// Base CRM auto-classification (seeds: 客户分类): the daily churn_risk automation tags contacts whose last
// paid order (rollup last_order_date → formula days_since_last_order) is 180+ days old; churn_risk_cleared
// takes the tag off once they order again. The scheduled run is triggered through the test hook.
let loom: Loom;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const id: Record<string, string> = {};

beforeAll(async () => {
  loom = await startLoom({ createWidget: false });
  const created = async (path: string, body: unknown): Promise<string> => {
    const res = await loom.admin.post(path, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const contact = async (key: string, tags: string[], orders: [number, string][]) => {
    id[key] = await created('/api/records/contact', { name: `Customer ${key}`, ...(tags.length ? { tags } : {}) });
    for (const [ago, status] of orders) await created('/api/records/sales_order', {
      customer: id[key], amount: 100, status, order_date: daysAgo(ago), ...(status === 'cancelled' ? {} : { paid_at: `${daysAgo(ago)}T12:00:00.000Z` }),
    });
  };
  await contact('old', ['vip'], [[200, 'paid'], [400, 'paid']]);
  await contact('untagged', [], [[181, 'shipped']]);
  await contact('recent', [], [[200, 'paid'], [10, 'paid']]);
  await contact('cancelledOnly', [], [[300, 'cancelled']]);
  await contact('never', [], []);
  await contact('returned', ['churn_risk', 'vip'], [[300, 'paid'], [5, 'paid']]);
});
afterAll(() => loom?.server.stop());

const tagsOf = async (key: string) => (await loom.admin.get(`/api/records/contact/${id[key]}`)).body.tags ?? [];
const runFor = (automation: string, key: string) =>
  waitFor(async () => (await runs(loom.admin, automation)).find((r) => r.recordId === id[key] && !['queued', 'running'].includes(r.status)), 30_000, `${automation} for ${key}`);

describe('churn risk classification', () => {
  it('computes days since the last paid order from the rollup', async () => {
    const contact = (await loom.admin.get(`/api/records/contact/${id.old}`)).body;
    expect(contact.last_order_date).toBe(daysAgo(200));
    expect(contact.days_since_last_order).toBe(200);
  });

  it('tags contacts with no order in 180 days on the daily run, keeping their tags; recent and never-ordered ones are left alone', async () => {
    const now = Date.now();
    const tick = await loom.admin.post('/api/test-hooks/schedule-tick', { from: new Date(now - 86_400_000).toISOString(), to: new Date(now).toISOString() });
    expect(tick.status).toBe(200);
    expect((await runFor('churn_risk', 'old')).status).toBe('ok');
    expect((await runFor('churn_risk', 'untagged')).status).toBe('ok');
    expect(await tagsOf('old')).toEqual(['vip', 'churn_risk']);
    expect(await tagsOf('untagged')).toEqual(['churn_risk']);

    expect((await runFor('churn_risk_cleared', 'returned')).status).toBe('ok');
    expect(await tagsOf('returned')).toEqual(['vip']);

    const tagged = (await runs(loom.admin, 'churn_risk')).map((r) => r.recordId).sort();
    expect(tagged).toEqual([id.old, id.untagged].sort());
    for (const key of ['recent', 'cancelledOnly', 'never']) expect(await tagsOf(key)).toEqual([]);
    expect((await runs(loom.admin, 'churn_risk_cleared')).map((r) => r.recordId)).toEqual([id.returned]);
  });

  it('a later run tags newly lapsed contacts only: those already tagged are not matched again', async () => {
    id.late = (await loom.admin.post('/api/records/contact', { name: 'Customer late' })).body.id;
    expect((await loom.admin.post('/api/records/sales_order', { customer: id.late, amount: 100, status: 'paid', order_date: daysAgo(190), paid_at: `${daysAgo(190)}T12:00:00.000Z` })).status).toBe(201);
    const now = Date.now();
    await loom.admin.post('/api/test-hooks/schedule-tick', { from: new Date(now - 2 * 86_400_000).toISOString(), to: new Date(now - 86_400_000).toISOString() });
    expect((await runFor('churn_risk', 'late')).status).toBe('ok');
    await new Promise((r) => setTimeout(r, 1000)); // runs of the same occurrence were enqueued together
    const byRecord = (await runs(loom.admin, 'churn_risk')).map((r) => r.recordId);
    expect(byRecord.sort()).toEqual([id.old, id.untagged, id.late].sort());
    expect(await tagsOf('late')).toEqual(['churn_risk']);
  });
});
