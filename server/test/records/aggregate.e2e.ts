import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
const opt = (key: string) => ({ key, label: { en: key, 'zh-CN': key } });
const sale = {
  kind: 'object', name: 'sale', label: { en: 'Sale', 'zh-CN': '销售' }, titleField: 'name',
  fields: {
    name: { type: 'text', required: true }, region: { type: 'select', options: [opt('north'), opt('south'), opt('east')] },
    amount: { type: 'currency' }, qty: { type: 'integer' },
  },
};
const rows = [
  ['north', 100.1, 1], ['north', 200.2, 2], ['north', 300.3, 3], ['south', 1000, 4], ['south', 0.05, 5], ['east', null, 6],
] as const;

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const res = await admin.post('/api/metadata/objects', sale);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  const created = await admin.post('/api/records/sale/bulk', { create: rows.map(([region, amount, qty], i) => ({ name: `s${i}`, region, amount, qty })) });
  if (created.status !== 200) throw new Error(JSON.stringify(created.body));
});
afterAll(() => server?.stop());

describe('aggregate', () => {
  it('sums and counts per group exactly', async () => {
    const res = await admin.post('/api/records/sale/aggregate', {
      groupBy: ['region'], metrics: [{ fn: 'sum', field: 'amount' }, { fn: 'count' }, { fn: 'max', field: 'qty' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { region: 'east', sum_amount: null, count: 1, max_qty: 6 },
      { region: 'north', sum_amount: 600.6, count: 3, max_qty: 3 },
      { region: 'south', sum_amount: 1000.05, count: 2, max_qty: 5 },
    ]);
  });

  it('filters, sorts by a metric and limits', async () => {
    const res = await admin.post('/api/records/sale/aggregate', {
      filter: { qty: { $gte: 2 } }, groupBy: ['region'], metrics: [{ fn: 'count' }, { fn: 'avg', field: 'qty' }],
      sort: [{ key: 'count', dir: 'desc' }, { key: 'region' }], limit: 2,
    });
    expect(res.body.data).toEqual([{ region: 'north', count: 2, avg_qty: 2.5 }, { region: 'south', count: 2, avg_qty: 4.5 }]);
  });

  it('totals without groups', async () => {
    const res = await admin.post('/api/records/sale/aggregate', { metrics: [{ fn: 'count' }, { fn: 'sum', field: 'qty' }] });
    expect(res.body.data).toEqual([{ count: 6, sum_qty: 21 }]);
  });

  it('leaves soft-deleted records out', async () => {
    await admin.post('/api/records/sale/bulk', { delete: { filter: { name: 's5' } } });
    const res = await admin.post('/api/records/sale/aggregate', { groupBy: ['region'], metrics: [{ fn: 'count' }], filter: { region: 'east' } });
    expect(res.body.data).toEqual([]);
  });

  it('refuses unknown keys, functions and fields with paths', async () => {
    let p = expectProblem(await admin.post('/api/records/sale/aggregate', { metrics: [{ fn: 'count' }], having: 1 }), 422);
    expect(p.errors![0].path).toBe('/having');
    p = expectProblem(await admin.post('/api/records/sale/aggregate', { metrics: [{ fn: 'median', field: 'qty' }] }), 422);
    expect(p.errors![0].path).toBe('/metrics/0/fn');
    p = expectProblem(await admin.post('/api/records/sale/aggregate', { metrics: [{ fn: 'sum', field: 'name' }] }), 422);
    expect(p.errors![0].path).toBe('/metrics/0/field');
    p = expectProblem(await admin.post('/api/records/sale/aggregate', { groupBy: ['nope'], metrics: [{ fn: 'count' }] }), 422);
    expect(p.errors![0].path).toBe('/groupBy/0');
    p = expectProblem(await admin.post('/api/records/sale/aggregate', { filter: { nope: 1 }, metrics: [{ fn: 'count' }] }), 422);
    expect(p.errors![0].path).toMatch(/^\/filter/);
    expectProblem(await admin.post('/api/records/sale/aggregate', {}), 422);
    expectProblem(await admin.post('/api/records/nope/aggregate', { metrics: [{ fn: 'count' }] }), 404);
  });
});
