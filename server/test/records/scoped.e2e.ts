import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { setUpSalesOrg, type SalesOrg } from '../permissions/sales-org.js';

// SECURITY.md 1 and 12: bulk, aggregate, export, timeline and duplicates read through the caller's
// scope and field mask; every probe is first shown to answer for someone who may see it.
let org: SalesOrg;
const csvOf = async (path: string, token: string | undefined) => {
  const res = await fetch(org.server.url + path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: (await res.text()).replace(/^\uFEFF/, '') };
};

beforeAll(async () => {
  org = await setUpSalesOrg();
});
afterAll(() => org?.server.stop());

describe('aggregate is scoped', () => {
  const body = { metrics: [{ fn: 'count' }, { fn: 'sum', field: 'amount' }] };
  it('counts and sums only the records the caller may read', async () => {
    expect((await org.admin.post('/api/records/opportunity/aggregate', body)).body.data).toEqual([{ count: 3, sum_amount: 600 }]);
    expect((await org.as.rep1.post('/api/records/opportunity/aggregate', body)).body.data).toEqual([{ count: 2, sum_amount: 300 }]);
    expect((await org.as.rep3.post('/api/records/opportunity/aggregate', body)).body.data).toEqual([{ count: 1, sum_amount: 300 }]);
  });

  it('refuses a hidden field as metric, group or filter (403), which answers for a reader who may see it', async () => {
    const probe = { metrics: [{ fn: 'sum', field: 'cost' }] };
    expect((await org.admin.post('/api/records/opportunity/aggregate', probe)).body.data).toEqual([{ sum_cost: 160 }]);
    expectProblem(await org.as.rep1.post('/api/records/opportunity/aggregate', probe), 403);
    expectProblem(await org.as.rep1.post('/api/records/opportunity/aggregate', { groupBy: ['cost'], metrics: [{ fn: 'count' }] }), 403);
    expectProblem(await org.as.rep1.post('/api/records/opportunity/aggregate', { filter: { cost: { $gt: 45 } }, metrics: [{ fn: 'count' }] }), 403);
  });
});

describe('export is scoped', () => {
  it('exports only readable rows and never a hidden field', async () => {
    const all = await csvOf('/api/records/opportunity/export?fields=name,cost&sort=name', org.admin.token);
    expect(all.text.split(/\r?\n/).filter(Boolean)).toEqual(['Opportunity name (name),Cost (cost)', 'O1,40', 'O2,50', 'O3,70']);
    const rep3 = await csvOf('/api/records/opportunity/export?sort=name', org.as.rep3.token);
    const lines = rep3.text.split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toMatch(/\(cost\)|\(margin\)/);
    expect(lines[1]).toMatch(/^[^,]+,O3,/);
    expectProblem(await org.as.rep3.get('/api/records/opportunity/export?fields=name,cost'), 403);
    expectProblem(await org.as.rep3.get(`/api/records/opportunity/export?filter=${encodeURIComponent('{"cost":40}')}`), 403);
  });
});

describe('bulk writes are scoped', () => {
  it('matches only readable records and refuses rows outside the update scope', async () => {
    const update = { update: { filter: { name: { $startsWith: 'O' } }, set: { next_step: 'call back' } } };
    const p = expectProblem(await org.as.rep1.post('/api/records/opportunity/bulk', update), 422) as unknown as { rows: { id: string }[] };
    expect(p.rows.map((r) => r.id)).toEqual([org.id.o2]);
    const partial = await org.as.rep1.post('/api/records/opportunity/bulk', { ...update, partial: true });
    expect(partial.body).toMatchObject({ matched: 2, changed: 1 });
    expect((await org.admin.get(`/api/records/opportunity/${org.id.o1}`)).body.next_step).toBe('call back');
    expect((await org.admin.get(`/api/records/opportunity/${org.id.o2}`)).body.next_step ?? null).toBeNull();
    expect((await org.admin.get(`/api/records/opportunity/${org.id.o3}`)).body.next_step ?? null).toBeNull();
  });

  it('refuses unwritable fields, hidden filters and actions no role grants', async () => {
    const own = { filter: { name: 'O1' } };
    const p = expectProblem(await org.as.rep1.post('/api/records/opportunity/bulk', { update: { ...own, set: { cost: 1 } } }), 422);
    expect(p.errors![0].path).toMatch(/^\/update\/0/);
    expectProblem(await org.as.rep1.post('/api/records/opportunity/bulk', { update: { filter: { cost: 40 }, set: { next_step: 'x' } } }), 403);
    expectProblem(await org.as.rep1.post('/api/records/opportunity/bulk', { delete: own }), 403);
    expectProblem(await org.as.ro.post('/api/records/opportunity/bulk', { create: [{ name: 'x', account: org.id.accEast }] }), 403);
  });
});

describe('timeline and duplicates are scoped', () => {
  it('answers 404 for a record outside the read scope and masks hidden fields in history', async () => {
    const admin = (await org.admin.get(`/api/records/opportunity/${org.id.o1}/timeline`)).body.data;
    const created = (items: { kind: string; action?: string; changes?: Record<string, unknown> }[]) => items.find((i) => i.action === 'create')!.changes!;
    expect(created(admin)).toHaveProperty('cost');
    const rep1 = (await org.as.rep1.get(`/api/records/opportunity/${org.id.o1}/timeline`)).body.data;
    expect(created(rep1)).toHaveProperty('amount');
    expect(created(rep1)).not.toHaveProperty('cost');
    expectProblem(await org.as.rep3.get(`/api/records/opportunity/${org.id.o1}/timeline`), 404);
  });

  it('never returns a duplicate the caller may not read', async () => {
    const twin = await org.admin.post('/api/records/contact', { name: 'West Contact', email: 'west@example.com', owner: org.id.rep1 });
    await org.admin.patch(`/api/records/contact/${org.id.c3}`, { email: 'WEST@example.com' });
    const forAdmin = (await org.admin.get(`/api/records/contact/duplicates?recordId=${org.id.c3}`)).body.data;
    expect(forAdmin.map((d: { record: { id: string } }) => d.record.id)).toEqual([twin.body.id]);
    expect((await org.as.rep3.get(`/api/records/contact/duplicates?recordId=${org.id.c3}`)).body.data).toEqual([]);
  });
});
