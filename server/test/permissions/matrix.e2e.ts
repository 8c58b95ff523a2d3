import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login } from '../support/client.js';
import { filterQuery, idsOf, setUpSalesOrg, type SalesOrg } from './sales-org.js';

// The permission matrix on real PostgreSQL: every read and write path, per role (DESIGN.md §2,
// SECURITY.md 1–3, 12). Each leak probe first proves a role that may read the field gets rows.
let org: SalesOrg;
beforeAll(async () => {
  org = await setUpSalesOrg();
});
afterAll(() => org?.server.stop());

const opps = '/api/records/opportunity';

describe('list, count and get follow the record scope', () => {
  it.each([
    ['rep1', ['o1', 'o2']], // sales_rep: team
    ['rep3', ['o3']],
    ['mgr', ['o1', 'o2']], // sales_manager: team
    ['director', ['o1', 'o2', 'o3']], // sales_director: all (inherits sales_manager)
    ['ro', ['o1', 'o2', 'o3']],
    ['admin', ['o1', 'o2', 'o3']],
    ['mkt', ['o1', 'o2', 'o3']],
  ] as const)('%s lists and counts %j', async (who, expected) => {
    const res = await org.as[who].get(`${opps}?count=true`);
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(expected.map((k) => org.id[k]).sort());
    expect(res.body.total).toBe(expected.length);
  });

  it('answers 404 for a record outside the read scope, 200 inside', async () => {
    expectProblem(await org.as.rep1.get(`${opps}/${org.id.o3}`), 404);
    expect((await org.as.rep3.get(`${opps}/${org.id.o3}`)).status).toBe(200);
    expectProblem(await org.as.rep1.get(`/api/records/lead/${org.id.lead3}`), 404);
  });

  it('lists nothing of an object no role lets the caller read', async () => {
    const res = await org.as.mkt.get('/api/records/ticket?count=true');
    expect(res.body).toMatchObject({ data: [], total: 0 });
  });
});

describe('hidden fields', () => {
  it('are left out of responses for roles that may not read them', async () => {
    const full = (await org.admin.get(`${opps}/${org.id.o1}`)).body;
    expect(full).toMatchObject({ cost: 40, margin: 60 });
    for (const who of ['rep1', 'ro', 'mkt'] as const) {
      const body = (await org.as[who].get(`${opps}/${org.id.o1}`)).body;
      expect(body.name).toBe('O1');
      expect(body).not.toHaveProperty('cost');
      expect(body).not.toHaveProperty('margin'); // a formula over cost
    }
    expect((await org.as.mgr.get(`${opps}/${org.id.o1}`)).body.cost).toBe(40);
  });

  it('refuses a filter on a hidden field (403) that answers rows for a role that may read it', async () => {
    const probe = filterQuery({ cost: 40 });
    expect(idsOf((await org.admin.get(`${opps}?${probe}`)).body)).toEqual([org.id.o1]);
    expect(idsOf((await org.as.mgr.get(`${opps}?${probe}`)).body)).toEqual([org.id.o1]);
    for (const who of ['rep1', 'ro'] as const) {
      const p = expectProblem(await org.as[who].get(`${opps}?${probe}`), 403);
      expect(p.errors![0].path).toBe('/filter');
    }
    const range = filterQuery({ margin: { $lt: 100 } });
    expect(idsOf((await org.admin.get(`${opps}?${range}`)).body)).toEqual([org.id.o1]);
    expectProblem(await org.as.rep1.get(`${opps}?${range}`), 403);
  });

  it('refuses sort, fields and count on a hidden field', async () => {
    expect((await org.admin.get(`${opps}?sort=-cost`)).body.data[0].id).toBe(org.id.o3);
    expect(expectProblem(await org.as.rep1.get(`${opps}?sort=-cost`), 403).errors![0].path).toBe('/sort/0');
    expect((await org.admin.get(`${opps}?fields=cost`)).body.data.length).toBe(3);
    expectProblem(await org.as.ro.get(`${opps}?fields=cost`), 403);
    expectProblem(await org.as.rep1.get(`${opps}?${filterQuery({ cost: 40 })}&count=true`), 403);
  });

  it('cannot be read through history', async () => {
    await org.admin.patch(`${opps}/${org.id.o1}`, { cost: 45, amount: 110 });
    const adminHistory = (await org.admin.get(`${opps}/${org.id.o1}/history`)).body;
    expect(adminHistory[0].changes).toMatchObject({ cost: { from: 40, to: 45 }, amount: { from: 100, to: 110 } });
    const repHistory = (await org.as.rep1.get(`${opps}/${org.id.o1}/history`)).body as { changes: Record<string, unknown> }[];
    expect(repHistory[0].changes).toMatchObject({ amount: { from: 100, to: 110 } });
    expect(repHistory.some((h) => 'cost' in h.changes)).toBe(false);
    expectProblem(await org.as.rep1.get(`${opps}/${org.id.o3}/history`), 404);
  });
});

describe('relations', () => {
  it('expand does not reach a record outside the target’s scope', async () => {
    expect((await org.admin.get(`${opps}/${org.id.o1}?expand=contact`)).body.contact).toMatchObject({ id: org.id.c3, title: 'West Contact' });
    const rep = (await org.as.rep1.get(`${opps}/${org.id.o1}?expand=contact,account`)).body;
    expect(rep.contact).toBeNull();
    expect(rep.account).toMatchObject({ id: org.id.accEast, title: 'East Corp' });
  });

  it('a filter through a relation does not match a joined record outside its scope', async () => {
    const probe = filterQuery({ 'contact.name': 'West Contact' });
    expect(idsOf((await org.admin.get(`${opps}?${probe}`)).body)).toEqual([org.id.o1]);
    expect(idsOf((await org.as.rep1.get(`${opps}?${probe}`)).body)).toEqual([]);
  });

  it('a filter on a hidden field of a joined object is refused', async () => {
    const probe = filterQuery({ 'opportunity.cost': { $gt: 0 } });
    const body = { subject: 'call', opportunity: org.id.o1 };
    const task = await org.as.rep1.post('/api/records/task', body);
    expect(task.status).toBe(201);
    expect(idsOf((await org.admin.get(`/api/records/task?${probe}`)).body)).toEqual([task.body.id]);
    expectProblem(await org.as.rep1.get(`/api/records/task?${probe}`), 403);
  });
});

describe('writes follow the update, delete and create scopes', () => {
  it('updates in scope; 403 when readable but not updatable; 404 when not readable', async () => {
    expect((await org.as.rep1.patch(`${opps}/${org.id.o1}`, { next_step: 'call' })).status).toBe(200);
    expectProblem(await org.as.rep1.patch(`${opps}/${org.id.o2}`, { next_step: 'x' }), 403);
    expectProblem(await org.as.rep1.patch(`${opps}/${org.id.o3}`, { next_step: 'x' }), 404);
    expect((await org.as.mgr.patch(`${opps}/${org.id.o2}`, { next_step: 'team' })).status).toBe(200);
    expectProblem(await org.as.mgr.patch(`${opps}/${org.id.o3}`, { next_step: 'x' }), 404);
    expectProblem(await org.as.ro.patch(`${opps}/${org.id.o1}`, { next_step: 'x' }), 403);
    expect((await org.as.director.patch(`${opps}/${org.id.o1}`, { next_step: 'sub' })).status).toBe(200); // subordinates, two levels down
    expect((await org.admin.get(`${opps}/${org.id.o3}`)).body.next_step).toBeNull();
  });

  it('refuses writing fields the role may not write, naming them', async () => {
    const p = expectProblem(await org.as.rep1.patch(`${opps}/${org.id.o1}`, { cost: 1, amount: 5 }), 403);
    expect(p.errors).toEqual([{ path: '/cost', message: 'is not writable for your role' }]);
    expect((await org.admin.get(`${opps}/${org.id.o1}`)).body).toMatchObject({ cost: 45, amount: 110 });
    expect(expectProblem(await org.as.rep1.post(opps, { name: 'X', account: org.id.accEast, cost: 9 }), 403).errors![0].path).toBe('/cost');
  });

  it('refuses mass-assigning owner without an update scope beyond own, and created_by always', async () => {
    expect(expectProblem(await org.as.rep1.patch(`${opps}/${org.id.o1}`, { owner: org.id.rep2 }), 403).errors![0].path).toBe('/owner');
    expect(expectProblem(await org.as.rep1.post(opps, { name: 'X', account: org.id.accEast, owner: org.id.rep2 }), 403).errors![0].path).toBe('/owner');
    const mine = await org.as.rep1.post(opps, { name: 'Mine', account: org.id.accEast, owner: org.id.rep1 });
    expect(mine.status).toBe(201);
    const assigned = await org.as.mgr.post(opps, { name: 'For rep2', account: org.id.accEast, owner: org.id.rep2 });
    expect(assigned.status).toBe(201);
    expect(assigned.body.owner).toBe(org.id.rep2);
    expect(expectProblem(await org.as.rep1.post(opps, { name: 'X', account: org.id.accEast, created_by: org.id.rep2 }), 422).errors![0].path).toBe('/created_by');
    expect(expectProblem(await org.as.rep1.patch(`${opps}/${mine.body.id}`, { updated_by: org.id.rep2 }), 422).errors![0].path).toBe('/updated_by');
    expect((await org.admin.get(`${opps}/${mine.body.id}`)).body.created_by).toBe(org.id.rep1);
  });

  it('deletes and restores in scope; 403 or 404 outside', async () => {
    expectProblem(await org.as.rep1.del(`${opps}/${org.id.o1}`), 403); // sales_rep: delete none
    expectProblem(await org.as.mgr.del(`${opps}/${org.id.o3}`), 404);
    expectProblem(await org.as.rep1.del(`/api/records/lead/${org.id.lead3}`), 404);
    const lead = (await org.as.rep1.post('/api/records/lead', { name: 'Throwaway' })).body;
    expect((await org.as.rep1.del(`/api/records/lead/${lead.id}`)).status).toBe(204);
    expectProblem(await org.as.rep3.post(`/api/records/lead/${lead.id}/restore`), 404);
    expect((await org.as.rep1.post(`/api/records/lead/${lead.id}/restore`)).status).toBe(200);
  });

  it('refuses a create outside the create scope (403) and keeps nothing', async () => {
    const role = { kind: 'role', name: 'low_tasks', objects: { task: { read: 'own', create: { priority: 'low' }, update: 'own' } } };
    expect((await org.admin.put('/api/metadata/roles/low_tasks', role)).status).toBe(201);
    const user = await org.admin.post('/api/users', { email: 'low@loom.test', name: 'low', password: 'low-password', roles: ['low_tasks'] });
    const low = await login(org.server.url, 'low@loom.test', 'low-password');
    expect((await low.post('/api/records/task', { subject: 'ok', priority: 'low' })).status).toBe(201);
    expectProblem(await low.post('/api/records/task', { subject: 'no', priority: 'high' }), 403);
    const tasks = (await org.admin.get(`/api/records/task?${filterQuery({ owner: user.body.id })}`)).body.data;
    expect(tasks.map((t: { subject: string }) => t.subject)).toEqual(['ok']);
  });
});
