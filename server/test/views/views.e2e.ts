import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { setUpSalesOrg, type SalesOrg } from '../permissions/sales-org.js';

// views/README.md: saved list views, own and shared, changed only by their owner or an admin.
let org: SalesOrg;
const bigDeals = { object: 'opportunity', name: 'Big deals', filter: { amount: { $gte: 150 } }, sort: '-amount', columns: ['name', 'amount'] };

beforeAll(async () => {
  org = await setUpSalesOrg();
});
afterAll(() => org?.server.stop());

describe('saved views', () => {
  let id: string;

  it('creates a view and lists it for its owner', async () => {
    const created = await org.as.rep1.post('/api/views', bigDeals);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...bigDeals, shared: false, owner: org.id.rep1, editable: true });
    id = created.body.id;
    const list = await org.as.rep1.get('/api/views?object=opportunity');
    expect(list.body.map((v: { id: string }) => v.id)).toEqual([id]);
    expect((await org.as.rep1.get('/api/views?object=account')).body).toEqual([]);
  });

  it('keeps a private view from other users (absent from the list, 404 by id)', async () => {
    expect((await org.as.rep2.get('/api/views?object=opportunity')).body).toEqual([]);
    expectProblem(await org.as.rep2.get(`/api/views/${id}`), 404);
    expectProblem(await org.as.rep2.patch(`/api/views/${id}`, { name: 'Mine now' }), 404);
  });

  it('shows a shared view to others, read-only: another user cannot edit or delete it (403)', async () => {
    const shared = await org.as.rep1.patch(`/api/views/${id}`, { shared: true });
    expect(shared.status).toBe(200);
    expect(shared.body).toMatchObject({ shared: true, name: 'Big deals' });
    const seen = await org.as.rep2.get('/api/views?object=opportunity');
    expect(seen.body).toHaveLength(1);
    expect(seen.body[0]).toMatchObject({ id, editable: false, ownerName: 'rep1' });
    expectProblem(await org.as.rep2.patch(`/api/views/${id}`, { name: 'Hijacked' }), 403);
    expectProblem(await org.as.rep2.del(`/api/views/${id}`), 403);
    expect((await org.as.rep1.get(`/api/views/${id}`)).body.name).toBe('Big deals');
  });

  it('lets an admin edit anyone\'s view', async () => {
    const renamed = await org.admin.patch(`/api/views/${id}`, { name: 'Large deals', sort: null });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Large deals', sort: null, editable: true, filter: bigDeals.filter });
  });

  it('refuses a second view with the same name for the same owner (409 /name)', async () => {
    const p = expectProblem(await org.as.rep1.post('/api/views', { ...bigDeals, name: 'large DEALS' }), 409);
    expect(p.errors?.[0]?.path).toBe('/name');
    expect((await org.as.rep2.post('/api/views', { ...bigDeals, name: 'Large deals' })).status).toBe(201);
  });

  it('deletes a view for its owner', async () => {
    expect((await org.as.rep1.del(`/api/views/${id}`)).status).toBe(204);
    expectProblem(await org.as.rep1.get(`/api/views/${id}`), 404);
    expect((await org.as.rep2.get('/api/views?object=opportunity')).body.map((v: { name: string }) => v.name)).toEqual(['Large deals']);
  });
});

describe('views are validated like the list they stand for', () => {
  it('refuses a bad filter with 422 and a path into the filter', async () => {
    const unknownField = expectProblem(await org.as.rep1.post('/api/views', { ...bigDeals, name: 'Bad', filter: { no_such_field: 1 } }), 422);
    expect(unknownField.errors?.map((e) => e.path)).toEqual(['/filter/no_such_field']);
    const badOperator = expectProblem(await org.as.rep1.post('/api/views', { ...bigDeals, name: 'Bad', filter: { amount: { $near: 3 } } }), 422);
    expect(badOperator.errors?.[0]?.path).toMatch(/^\/filter\/amount/);
  });

  it('refuses an unknown sort field or column (422) and a bad body shape (422 with the path)', async () => {
    expect(expectProblem(await org.as.rep1.post('/api/views', { ...bigDeals, name: 'Bad', sort: '-nope' }), 422).errors?.[0]?.path).toMatch(/^\/sort/);
    expect(expectProblem(await org.as.rep1.post('/api/views', { ...bigDeals, name: 'Bad', columns: ['name', 'nope'] }), 422).errors?.[0]?.path).toMatch(/^\/columns/);
    expect(expectProblem(await org.as.rep1.post('/api/views', { ...bigDeals, name: 'Bad', shared: 'yes' }), 422).errors?.[0]?.path).toBe('/shared');
    expect(expectProblem(await org.as.rep1.post('/api/views', { object: 'opportunity' }), 422).errors?.[0]?.path).toBe('/name');
    const ok = await org.as.rep1.post('/api/views', { ...bigDeals, name: 'Good' });
    expect(ok.status).toBe(201);
    expect(expectProblem(await org.as.rep1.patch(`/api/views/${ok.body.id}`, { filter: { amount: { $gte: 'lots' } } }), 422).errors?.[0]?.path).toMatch(/^\/filter\/amount/);
  });

  it('follows the caller\'s permissions: hidden fields 403, unreadable objects 403, unknown objects 404', async () => {
    const hidden = { ...bigDeals, name: 'Costly', filter: { cost: { $gt: 45 } } };
    expect((await org.admin.post('/api/views', hidden)).status).toBe(201);
    expectProblem(await org.as.rep1.post('/api/views', hidden), 403);
    expectProblem(await org.as.rep1.post('/api/views', { ...bigDeals, name: 'Cost column', columns: ['name', 'cost'] }), 403);
    expectProblem(await org.as.mkt.get('/api/views?object=ticket'), 403);
    expectProblem(await org.as.mkt.post('/api/views', { object: 'ticket', name: 'Mine' }), 403);
    expectProblem(await org.as.rep1.get('/api/views?object=no_such_object'), 404);
    expectProblem(await org.as.rep1.get('/api/views'), 400);
    expectProblem(await org.as.rep1.get('/api/views?object=opportunity&extra=1'), 400);
  });

  it('needs credentials', async () => {
    const res = await fetch(`${org.server.url}/api/views?object=opportunity`);
    expect(res.status).toBe(401);
  });
});
