import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { setUpSalesOrg, type SalesOrg } from './sales-org.js';

// Record sharing (an additive grant), GET /api/permissions/explain and the masked metadata.
let org: SalesOrg;
beforeAll(async () => {
  org = await setUpSalesOrg();
});
afterAll(() => org?.server.stop());

const opp = (id: string) => `/api/records/opportunity/${id}`;

describe('record shares', () => {
  it('a read share opens one record to a user; a write share lets them edit it; deleting closes it again', async () => {
    expectProblem(await org.as.rep1.get(opp(org.id.o3)), 404);
    const share = await org.as.rep3.post(`${opp(org.id.o3)}/shares`, { user: org.id.rep1, access: 'read' });
    expect(share.status).toBe(201);
    expect(share.body).toMatchObject({ object: 'opportunity', recordId: org.id.o3, user: org.id.rep1, access: 'read' });

    const got = await org.as.rep1.get(opp(org.id.o3));
    expect(got.status).toBe(200);
    expect(got.body).not.toHaveProperty('cost'); // a share opens rows, not fields
    expect((await org.as.rep1.get('/api/records/opportunity?count=true')).body.total).toBe(3);
    expectProblem(await org.as.rep1.patch(opp(org.id.o3), { next_step: 'x' }), 403);

    await org.as.rep3.post(`${opp(org.id.o3)}/shares`, { user: org.id.rep1, access: 'write' });
    expect((await org.as.rep1.patch(opp(org.id.o3), { next_step: 'shared edit' })).status).toBe(200);
    expectProblem(await org.as.rep1.patch(opp(org.id.o3), { owner: org.id.rep1 }), 403);

    const list = (await org.as.rep3.get(`${opp(org.id.o3)}/shares`)).body;
    expect(list).toHaveLength(1);
    expect((await org.as.rep3.del(`${opp(org.id.o3)}/shares/${list[0].id}`)).status).toBe(204);
    expectProblem(await org.as.rep1.get(opp(org.id.o3)), 404);
  });

  it('a team share reaches everyone in the team', async () => {
    expectProblem(await org.as.rep2.get(opp(org.id.o3)), 404);
    const share = await org.admin.post(`${opp(org.id.o3)}/shares`, { team: org.id.eastTeam, access: 'read' });
    expect(share.status).toBe(201);
    expect((await org.as.rep2.get(opp(org.id.o3))).status).toBe(200);
    expect((await org.as.mgr.get(opp(org.id.o3))).status).toBe(200);
    await org.admin.del(`${opp(org.id.o3)}/shares/${share.body.id}`);
    expectProblem(await org.as.rep2.get(opp(org.id.o3)), 404);
  });

  it('only the owner or an admin manages shares; others get 403, or 404 when they cannot read the record', async () => {
    expectProblem(await org.as.rep2.post(`${opp(org.id.o1)}/shares`, { user: org.id.rep3, access: 'read' }), 403);
    expectProblem(await org.as.rep2.get(`${opp(org.id.o1)}/shares`), 403);
    expectProblem(await org.as.rep1.get(`${opp(org.id.o3)}/shares`), 404);
    expect(expectProblem(await org.as.rep1.post(`${opp(org.id.o1)}/shares`, { user: org.id.rep3, access: 'all' }), 422).errors![0].path).toBe('/access');
    expectProblem(await org.as.rep1.post(`${opp(org.id.o1)}/shares`, { user: org.id.rep3, team: org.id.westTeam, access: 'read' }), 422);
  });
});

describe('GET /api/permissions/explain', () => {
  const explain = (q: Record<string, string>) => `/api/permissions/explain?${new URLSearchParams(q)}`;

  it('answers a user about themself: the rule that decided, the scope and the field access', async () => {
    const res = await org.as.rep1.get(explain({ action: 'read', object: 'opportunity' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ allowed: true, decidedBy: { role: 'sales_rep', rule: '/objects/opportunity/read' }, scope: 'team' });
    expect(res.body.fields).toMatchObject({ name: 'write', cost: 'none', margin: 'none', approval_status: 'read', owner: 'read' });
    const del = (await org.as.rep1.get(explain({ action: 'delete', object: 'opportunity' }))).body;
    expect(del).toMatchObject({ allowed: false, decidedBy: { role: null, rule: null }, scope: 'none' });
  });

  it('decides on a record and on a field', async () => {
    const own = (await org.as.rep1.get(explain({ action: 'update', object: 'opportunity', record: org.id.o1 }))).body;
    expect(own).toMatchObject({ allowed: true, decidedBy: { role: 'sales_rep', rule: '/objects/opportunity/update' }, scope: 'own' });
    const teammate = (await org.as.rep1.get(explain({ action: 'update', object: 'opportunity', record: org.id.o2 }))).body;
    expect(teammate.allowed).toBe(false);
    const cost = (await org.as.rep1.get(explain({ action: 'read', object: 'opportunity', record: org.id.o1, field: 'cost' }))).body;
    expect(cost).toEqual({ allowed: false, decidedBy: { role: 'sales_rep', rule: '/objects/opportunity/fields/cost' }, scope: 'team', fields: { cost: 'none' } });
    // about a record they cannot read, the answer is the same as for one that does not exist
    const hidden = (await org.as.rep1.get(explain({ action: 'read', object: 'opportunity', record: org.id.o3 }))).body;
    const missing = (await org.as.rep1.get(explain({ action: 'read', object: 'opportunity', record: '00000000-0000-4000-8000-000000000000' }))).body;
    expect(hidden).toEqual(missing);
    expect(hidden.allowed).toBe(false);
  });

  it('lets admins ask about anyone, and refuses others (403)', async () => {
    const mgr = (await org.admin.get(explain({ user: org.id.mgr, action: 'update', object: 'opportunity', record: org.id.o2 }))).body;
    expect(mgr).toMatchObject({ allowed: true, decidedBy: { role: 'sales_manager', rule: '/objects/opportunity/update' } });
    const director = (await org.admin.get(explain({ user: org.id.director, action: 'update', object: 'opportunity', record: org.id.o1 }))).body;
    expect(director).toMatchObject({ allowed: true, decidedBy: { role: 'sales_director', rule: '/objects/opportunity/update' }, scope: { $or: expect.any(Array) } });
    const admin = (await org.admin.get(explain({ action: 'delete', object: 'opportunity', record: org.id.o3 }))).body;
    expect(admin).toMatchObject({ allowed: true, decidedBy: { role: 'admin' }, scope: 'all' });
    expectProblem(await org.as.rep1.get(explain({ user: org.id.rep2, action: 'read', object: 'opportunity' })), 403);
    expect((await org.as.rep1.get(explain({ user: org.id.rep1, action: 'read', object: 'opportunity' }))).status).toBe(200);
    expectProblem(await org.as.rep1.get(explain({ action: 'peek', object: 'opportunity' })), 400);
    expectProblem(await org.as.rep1.get(explain({ action: 'read', object: 'opportunity', colour: 'red' })), 400);
    expectProblem(await org.as.rep1.get(explain({ action: 'read', object: 'nope' })), 404);
  });
});

describe('GET /api/metadata for non-admins', () => {
  it('hides objects the caller cannot read and fields with access none', async () => {
    const admin = (await org.admin.get('/api/metadata')).body;
    expect(admin.objects.opportunity.fields).toHaveProperty('cost');
    expect(admin.objects).toHaveProperty('ticket');
    const rep = (await org.as.rep1.get('/api/metadata')).body;
    expect(rep.objects.opportunity.fields).not.toHaveProperty('cost');
    expect(rep.objects.opportunity.fields).toHaveProperty('amount');
    const mkt = (await org.as.mkt.get('/api/metadata')).body;
    expect(mkt.objects).not.toHaveProperty('ticket');
    expectProblem(await org.as.mkt.get('/api/metadata/objects/ticket'), 404);
    expect((await org.as.rep1.get('/api/metadata/objects/opportunity')).body.fields).not.toHaveProperty('cost');
    expect((await org.as.mkt.get('/api/metadata/pipelines')).body).toHaveProperty('sales');
  });
});
