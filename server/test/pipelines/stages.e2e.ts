import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let account: string;

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  account = (await admin.post('/api/records/account', { name: 'Pipeline Co' })).body.id;
});
afterAll(() => server?.stop());

const deal = async (values: Record<string, unknown>) => {
  const res = await admin.post('/api/records/opportunity', { name: 'Deal', account, ...values });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; version: number };
};

describe('stage changes on the sales pipeline', () => {
  it('records every move in stage history with the time spent before', async () => {
    const d = await deal({ stage: 'lead' });
    expect((await admin.patch(`/api/records/opportunity/${d.id}`, { stage: 'qualified' })).status).toBe(200);
    const rows = await sql(server.database!.url, `SELECT from_stage, to_stage, pipeline, seconds_in_previous FROM core.stage_history WHERE record_id = $1 ORDER BY id`, [d.id]);
    expect(rows.map(({ seconds_in_previous, ...r }) => r)).toEqual([
      { from_stage: null, to_stage: 'lead', pipeline: 'sales' },
      { from_stage: 'lead', to_stage: 'qualified', pipeline: 'sales' },
    ]);
    expect(rows[0].seconds_in_previous).toBeNull();
    expect(Number(rows[1].seconds_in_previous)).toBeGreaterThanOrEqual(0);
  });

  it('answers 422 listing every missing required field of the target stage, and writes nothing', async () => {
    const d = await deal({ stage: 'qualified' });
    const p = expectProblem(await admin.patch(`/api/records/opportunity/${d.id}`, { stage: 'proposal' }), 422);
    expect(p.errors!.map((e) => e.path).sort()).toEqual(['/amount', '/close_date']);
    expect((await admin.get(`/api/records/opportunity/${d.id}`)).body).toMatchObject({ stage: 'qualified', version: 1 });
    const ok = await admin.patch(`/api/records/opportunity/${d.id}`, { stage: 'proposal', amount: 120000, close_date: '2026-12-31' });
    expect(ok.status).toBe(200);
  });

  it('needs a loss reason to lose, on create as well', async () => {
    const p = expectProblem(await admin.post('/api/records/opportunity', { name: 'Gone', account, stage: 'lost' }), 422);
    expect(p.errors).toEqual([{ path: '/loss_reason', message: 'is required to enter stage lost' }]);
  });

  it('answers 409 naming the approval when the gate applies, and lets small discounts through', async () => {
    const big = await deal({ stage: 'proposal', amount: 500000, close_date: '2026-12-31', discount: 30 });
    const gate = expectProblem(await admin.patch(`/api/records/opportunity/${big.id}`, { stage: 'negotiation' }), 409);
    expect(gate).toMatchObject({ approval: 'big_discount' });
    const small = await deal({ stage: 'proposal', amount: 1000, close_date: '2026-12-31', discount: 5 });
    expect((await admin.patch(`/api/records/opportunity/${small.id}`, { stage: 'negotiation' })).status).toBe(200);
  });

  it('refuses a stage outside the pipeline', async () => {
    const d = await deal({ stage: 'lead' });
    expectProblem(await admin.patch(`/api/records/opportunity/${d.id}`, { stage: 'nowhere' }), 422);
  });
});

describe('board', () => {
  it('counts, sums and lists records per stage', async () => {
    await deal({ stage: 'won', amount: 300, close_date: '2027-01-01' });
    await deal({ stage: 'won', amount: 700, close_date: '2027-01-02' });
    const res = await admin.get('/api/pipelines/sales/board');
    expect(res.status).toBe(200);
    const won = res.body.stages.find((s: { key: string }) => s.key === 'won');
    expect(won).toMatchObject({ label: 'Won', count: 2, sum: 1000, outcome: 'won' });
    expect(won.records).toHaveLength(2);
    expect(won.records[0]).toMatchObject({ stage: 'won', overdue: false });
    expect(res.body.stages.map((s: { key: string }) => s.key)).toEqual(['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']);
    const filtered = await admin.get(`/api/pipelines/sales/board?filter=${encodeURIComponent(JSON.stringify({ amount: { $gte: 500 } }))}`);
    expect(filtered.body.stages.find((s: { key: string }) => s.key === 'won')).toMatchObject({ count: 1, sum: 700 });
    expectProblem(await admin.get('/api/pipelines/nope/board'), 404);
    expectProblem(await admin.get('/api/pipelines/sales/board?bogus=1'), 400);
  });
});

describe('board filters', () => {
  it('refuses a bad filter with a path into it', async () => {
    const p = expectProblem(await admin.get(`/api/pipelines/sales/board?filter=${encodeURIComponent('{"nope":1}')}`), 400);
    expect(p.errors![0].path).toMatch(/^\/filter/);
    expectProblem(await admin.get(`/api/pipelines/sales/board?filter=${encodeURIComponent('{not json')}`), 400);
  });
});
