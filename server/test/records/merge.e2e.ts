import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
const project = {
  kind: 'object', name: 'project', label: { en: 'Project', 'zh-CN': '项目' }, titleField: 'name',
  fields: { name: { type: 'text', required: true }, partners: { type: 'relation', target: 'account', relationType: 'manyToMany' } },
};
const post = async (path: string, body: unknown) => {
  const res = await admin.post(path, body);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; version: number };
};

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const res = await admin.post('/api/metadata/objects', project);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
});
afterAll(() => server?.stop());

describe('merge', () => {
  it('re-points contacts, activities and manyToMany links to the survivor, bins the others and keeps history', async () => {
    const keep = await post('/api/records/account', { name: 'Acme', city: 'Shanghai' });
    const dupA = await post('/api/records/account', { name: 'ACME Ltd', phone: '+86 21 5555 0000' });
    const dupB = await post('/api/records/account', { name: 'Acme Inc' });
    const c1 = await post('/api/records/contact', { name: 'On dupA', account: dupA.id });
    const c2 = await post('/api/records/contact', { name: 'On dupB', account: dupB.id });
    const c3 = await post('/api/records/contact', { name: 'On keep', account: keep.id });
    const act = await post('/api/records/activity', { subject: 'Call dupA', type: 'call', account: dupA.id });
    const p1 = await post('/api/records/project', { name: 'Both', partners: [keep.id, dupA.id] });
    const p2 = await post('/api/records/project', { name: 'Only dupB', partners: [dupB.id] });

    const res = await admin.post('/api/records/account/merge', { survivor: keep.id, others: [dupA.id, dupB.id], values: { phone: '+86 21 5555 0000' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: keep.id, name: 'Acme', city: 'Shanghai', phone: '+862155550000' });

    for (const c of [c1, c2, c3]) expect((await admin.get(`/api/records/contact/${c.id}`)).body.account).toBe(keep.id);
    expect((await admin.get(`/api/records/activity/${act.id}`)).body.account).toBe(keep.id);
    expect((await admin.get(`/api/records/project/${p1.id}`)).body.partners).toEqual([keep.id]);
    expect((await admin.get(`/api/records/project/${p2.id}`)).body.partners).toEqual([keep.id]);

    const c1History = (await admin.get(`/api/records/contact/${c1.id}/history`)).body;
    expect(c1History[0].changes).toEqual({ account: { from: dupA.id, to: keep.id } });

    expectProblem(await admin.get(`/api/records/account/${dupA.id}`), 404);
    const bin = (await admin.get('/api/records/account?deleted=true')).body.data.map((r: { id: string }) => r.id);
    expect(bin).toEqual(expect.arrayContaining([dupA.id, dupB.id]));

    const history = (await admin.get(`/api/records/account/${keep.id}/history`)).body;
    expect(history.map((h: { action: string }) => h.action)).toContain('merge');
    const [row] = await sql(server.database!.url, `SELECT changes FROM core.record_history WHERE object = 'account' AND record_id = $1 AND action = 'merge'`, [keep.id]);
    expect(row.changes.merged.to).toEqual([dupA.id, dupB.id]);
    const timeline = (await admin.get(`/api/records/account/${keep.id}/timeline`)).body.data;
    expect(timeline.find((i: { action?: string }) => i.action === 'merge').merged).toEqual([dupA.id, dupB.id]);
    const [events] = await sql(server.database!.url, `SELECT count(*)::int AS n FROM core.outbox WHERE type = 'record.merged' AND record_id = $1`, [keep.id]);
    expect(events.n).toBe(1);
  });

  it('is one transaction: invalid values change nothing', async () => {
    const keep = await post('/api/records/account', { name: 'Keep' });
    const dup = await post('/api/records/account', { name: 'Dup' });
    const c = await post('/api/records/contact', { name: 'Stays', account: dup.id });
    const p = expectProblem(await admin.post('/api/records/account/merge', { survivor: keep.id, others: [dup.id], values: { employees: -5, nope: 1 } }), 422);
    expect(p.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['/values/nope']));
    expect((await admin.get(`/api/records/contact/${c.id}`)).body.account).toBe(dup.id);
    expect((await admin.get(`/api/records/account/${dup.id}`)).status).toBe(200);
  });

  it('refuses a survivor among the others, unknown records and malformed bodies', async () => {
    const keep = await post('/api/records/account', { name: 'Solo' });
    expectProblem(await admin.post('/api/records/account/merge', { survivor: keep.id, others: [keep.id] }), 422);
    expectProblem(await admin.post('/api/records/account/merge', { survivor: keep.id, others: ['00000000-0000-4000-8000-000000000000'] }), 404);
    expectProblem(await admin.post('/api/records/account/merge', { survivor: keep.id, others: [] }), 422);
    expectProblem(await admin.post('/api/records/account/merge', { survivor: 'x', others: [keep.id], extra: 1 }), 422);
  });
});
