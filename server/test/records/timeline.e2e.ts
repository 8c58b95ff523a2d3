import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let account: { id: string };
let deal: { id: string };
type Item = { kind: string; at: string; by: string | null; [k: string]: any };

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  account = (await admin.post('/api/records/account', { name: 'Timeline Co' })).body;
  await admin.patch(`/api/records/account/${account.id}`, { name: 'Timeline Co Ltd' });
  await admin.post('/api/records/activity', { subject: 'First call', type: 'call', account: account.id });
  await admin.post('/api/records/activity', { subject: 'Visit', type: 'visit', account: account.id });
  await admin.post('/api/records/contact', { name: 'Not an activity', account: account.id });
  deal = (await admin.post('/api/records/opportunity', { name: 'Deal', account: account.id, stage: 'lead' })).body;
  const moved = await admin.patch(`/api/records/opportunity/${deal.id}`, { stage: 'qualified' });
  if (moved.status !== 200) throw new Error(JSON.stringify(moved.body));
});
afterAll(() => server?.stop());

describe('timeline', () => {
  it('merges history and linked activities, newest first', async () => {
    const res = await admin.get(`/api/records/account/${account.id}/timeline`);
    expect(res.status).toBe(200);
    const data: Item[] = res.body.data;
    expect(data.map((i) => [i.kind, i.kind === 'activity' ? i.title : i.action])).toEqual([
      ['activity', 'Visit'], ['activity', 'First call'], ['history', 'update'], ['history', 'create'],
    ]);
    expect(data[2]!.changes).toEqual({ name: { from: 'Timeline Co', to: 'Timeline Co Ltd' } });
    expect(data[0]!.object).toBe('activity');
    expect(data[0]!.record.subject).toBe('Visit');
    const ats = data.map((i) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(res.body.nextBefore).toBeNull();
  });

  it('shows stage changes', async () => {
    const data: Item[] = (await admin.get(`/api/records/opportunity/${deal.id}/timeline`)).body.data;
    const stage = data.find((i) => i.kind === 'stage' && i.to === 'qualified');
    expect(stage).toMatchObject({ pipeline: 'sales', from: 'lead', to: 'qualified' });
  });

  it('pages with nextBefore without losing items that share an instant', async () => {
    // Ten activities written in one transaction share created_at: a page boundary must not split them.
    await admin.post('/api/records/activity/bulk', { create: Array.from({ length: 10 }, (_, i) => ({ subject: `same instant ${i}`, type: 'note', account: account.id })) });
    const seen: Item[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const res: { body: { data: Item[]; nextBefore: string | null } } = await admin.get(`/api/records/account/${account.id}/timeline?limit=3${before ? `&before=${encodeURIComponent(before)}` : ''}`);
      if (!Array.isArray(res.body.data)) throw new Error(JSON.stringify(res.body));
      seen.push(...res.body.data);
      before = res.body.nextBefore;
      pages++;
    } while (before && pages < 20);
    expect(seen.filter((i) => i.kind === 'activity')).toHaveLength(12);
    expect(seen).toHaveLength(14);
    expect(new Set(seen.map((i) => `${i.kind}:${i.id ?? i.version}`)).size).toBe(14);
  });

  it('includes approval requests, and bulk writes to the locked record fail with 423 per row', async () => {
    const created = async (path: string, body: unknown) => {
      const res = await admin.post(path, body);
      if (res.status !== 201) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const mgr = await created('/api/users', { email: 'mgr@loom.test', name: 'Mgr', password: 'mgr-password-1', roles: ['sales_manager'] });
    const rep = await created('/api/users', { email: 'rep@loom.test', name: 'Rep', password: 'rep-password-1', roles: ['sales_rep'], manager: mgr });
    const opp = await created('/api/records/opportunity', { name: 'Discounted', account: account.id, discount: 30, owner: rep });
    const submitted = await admin.post('/api/approvals', { object: 'opportunity', recordId: opp, process: 'big_discount' });
    expect(submitted.status).toBe(201);
    const data: Item[] = (await admin.get(`/api/records/opportunity/${opp}/timeline`)).body.data;
    // only the submission so far: no later action
    expect(data[0]).toMatchObject({ kind: 'approval', process: 'big_discount', status: 'pending', id: submitted.body.id, action: null, comment: null });
    const bulk = await admin.post('/api/records/opportunity/bulk', { update: { filter: { name: 'Discounted' }, set: { discount: 10 } }, partial: true });
    expect(bulk.body).toMatchObject({ matched: 1, changed: 0 });
    expect(bulk.body.errors[0]).toMatchObject({ index: 0, id: opp, status: 423 });
    expect(bulk.body.errors[0].errors[0].path).toBe('/discount');
    // the request's latest action and its comment show on the item
    expect((await admin.post(`/api/approvals/${submitted.body.id}/comment`, { comment: 'checking the margin' })).status).toBe(200);
    expect((await admin.post(`/api/approvals/${submitted.body.id}/recall`, { comment: 'wrong discount' })).status).toBe(200);
    const after: Item[] = (await admin.get(`/api/records/opportunity/${opp}/timeline`)).body.data;
    expect(after.filter((i) => i.kind === 'approval')).toEqual([expect.objectContaining({ id: submitted.body.id, status: 'recalled', action: 'recall', comment: 'wrong discount' })]);
  });

  it('answers 404 for unknown records and 400 for bad parameters', async () => {
    expectProblem(await admin.get('/api/records/account/00000000-0000-4000-8000-000000000000/timeline'), 404);
    expectProblem(await admin.get(`/api/records/account/${account.id}/timeline?limit=0`), 400);
    expectProblem(await admin.get(`/api/records/account/${account.id}/timeline?before=yesterday`), 400);
    expectProblem(await admin.get(`/api/records/account/${account.id}/timeline?kind=history`), 400);
  });
});
