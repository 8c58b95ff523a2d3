import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { filterQuery, setUpSalesOrg, type SalesOrg } from './sales-org.js';

// The permission matrix over the records endpoints built beside the reader: aggregate, export and
// bulk (SECURITY.md 1: one read plan; 2: one write plan).
let org: SalesOrg;
beforeAll(async () => {
  org = await setUpSalesOrg();
});
afterAll(() => org?.server.stop());

const opps = '/api/records/opportunity';
const sum = (field: string, extra: Record<string, unknown> = {}) => ({ metrics: [{ fn: 'sum', field }, { fn: 'count' }], ...extra });

describe('aggregate', () => {
  it('sums only the records in scope', async () => {
    expect((await org.admin.post(`${opps}/aggregate`, sum('amount'))).body.data).toEqual([{ sum_amount: 600, count: 3 }]);
    expect((await org.as.rep1.post(`${opps}/aggregate`, sum('amount'))).body.data).toEqual([{ sum_amount: 300, count: 2 }]);
    expect((await org.as.rep3.post(`${opps}/aggregate`, sum('amount'))).body.data).toEqual([{ sum_amount: 300, count: 1 }]);
  });

  it('refuses a metric, a group or a filter on a hidden field (403) that answers for a reader', async () => {
    expect((await org.admin.post(`${opps}/aggregate`, sum('cost'))).body.data).toEqual([{ sum_cost: 160, count: 3 }]);
    expect((await org.as.mgr.post(`${opps}/aggregate`, sum('cost'))).body.data).toEqual([{ sum_cost: 90, count: 2 }]);
    expectProblem(await org.as.rep1.post(`${opps}/aggregate`, sum('cost')), 403);
    expect((await org.admin.post(`${opps}/aggregate`, { groupBy: ['cost'], metrics: [{ fn: 'count' }] })).body.data).toHaveLength(3);
    expectProblem(await org.as.rep1.post(`${opps}/aggregate`, { groupBy: ['cost'], metrics: [{ fn: 'count' }] }), 403);
    expect((await org.admin.post(`${opps}/aggregate`, sum('amount', { filter: { cost: 40 } }))).body.data).toEqual([{ sum_amount: 100, count: 1 }]);
    expectProblem(await org.as.ro.post(`${opps}/aggregate`, sum('amount', { filter: { cost: 40 } })), 403);
  });
});

describe('export', () => {
  it('exports only records in scope, without hidden columns', async () => {
    const admin = await org.admin.get(`${opps}/export?format=csv`);
    expect(admin.status).toBe(200);
    expect(admin.body).toContain('Cost');
    expect(admin.body).toContain('O3');
    const rep = await org.as.rep1.get(`${opps}/export?format=csv`);
    expect(rep.status).toBe(200);
    expect(rep.body).toContain('O1');
    expect(rep.body).toContain('O2');
    expect(rep.body).not.toContain('O3');
    expect(rep.body).not.toContain('Cost');
    expect(rep.body).not.toContain('Margin');
  });

  it('refuses naming or filtering on a hidden field', async () => {
    expect((await org.admin.get(`${opps}/export?format=csv&fields=name,cost`)).status).toBe(200);
    expectProblem(await org.as.rep1.get(`${opps}/export?format=csv&fields=name,cost`), 403);
    expect((await org.admin.get(`${opps}/export?format=csv&${filterQuery({ cost: 40 })}`)).body).toContain('O1');
    expectProblem(await org.as.rep1.get(`${opps}/export?format=csv&${filterQuery({ cost: 40 })}`), 403);
  });
});

describe('bulk', () => {
  // Status codes are bulk's own (all-or-nothing → 422 with row errors); these rows check what must
  // never happen whatever the shape: a write outside the update scope or to a field the role may not write.
  const refused = (status: number) => expect([403, 422]).toContain(status);

  it('updates by filter only the records the caller may update', async () => {
    refused((await org.as.rep1.post(`${opps}/bulk`, { update: { filter: {}, set: { next_step: 'all' } } })).status);
    expect((await org.admin.get(`${opps}/${org.id.o1}`)).body.next_step).toBeNull(); // all-or-nothing
    const partial = await org.as.rep1.post(`${opps}/bulk`, { update: { filter: {}, set: { next_step: 'bulk' } }, partial: true });
    expect(partial.status).toBe(200);
    expect(partial.body.changed).toBe(1);
    expect((await org.admin.get(`${opps}/${org.id.o1}`)).body.next_step).toBe('bulk');
    expect((await org.admin.get(`${opps}/${org.id.o2}`)).body.next_step).toBeNull(); // a teammate's: readable, not updatable
    expect((await org.as.mgr.post(`${opps}/bulk`, { update: { filter: {}, set: { next_step: 'team' } } })).body).toMatchObject({ matched: 2, changed: 2 });
    expect((await org.admin.get(`${opps}/${org.id.o3}`)).body.next_step).toBeNull();
  });

  it('refuses setting fields the role may not write, and mass-assigning owner', async () => {
    const cost = await org.as.rep1.post(`${opps}/bulk`, { update: { filter: { owner: org.id.rep1 }, set: { cost: 0 } }, partial: true });
    expect(JSON.stringify(cost.body)).toContain('is not writable for your role');
    expect((await org.admin.get(`${opps}/${org.id.o1}`)).body.cost).toBe(40);
    await org.as.rep1.post(`${opps}/bulk`, { update: { filter: {}, set: { owner: org.id.rep1 } }, partial: true });
    expect((await org.admin.get(`${opps}/${org.id.o2}`)).body.owner).toBe(org.id.rep2);
    const rows = [{ name: 'ok', account: org.id.accEast }, { name: 'bad', account: org.id.accEast, cost: 1, owner: org.id.rep2 }];
    refused((await org.as.rep1.post(`${opps}/bulk`, { create: rows })).status);
    expect((await org.admin.get(`${opps}?${filterQuery({ name: { $in: ['ok', 'bad'] } })}`)).body.data).toEqual([]);
    await org.as.rep1.post(`${opps}/bulk`, { create: rows, partial: true });
    expect((await org.admin.get(`${opps}?${filterQuery({ name: 'bad' })}`)).body.data).toEqual([]);
  });

  it('deletes by filter only within the delete scope; a role without delete is refused', async () => {
    expectProblem(await org.as.rep1.post(`${opps}/bulk`, { delete: { filter: {} } }), 403);
    const lead = (await org.as.rep1.post('/api/records/lead', { name: 'Bulk gone' })).body;
    const res = await org.as.rep1.post('/api/records/lead/bulk', { delete: { filter: {} } });
    expect(res.body).toMatchObject({ matched: 2, changed: 2 }); // rep1's own two leads, not rep3's
    expectProblem(await org.admin.get(`/api/records/lead/${lead.id}`), 404);
    expect((await org.admin.get(`/api/records/lead/${org.id.lead3}`)).status).toBe(200);
  });
});

describe('merge', () => {
  const deal = async (name: string, owner: string) =>
    (await org.admin.post(opps, { name, account: org.id.accEast, amount: 1, owner })).body.id as string;

  it('merges only records the caller may update (survivor) and delete (others): 403 or 404 outside', async () => {
    const [a, b, west] = [await deal('Merge A', org.id.rep1), await deal('Merge B', org.id.rep2), await deal('Merge W', org.id.rep3)];
    expectProblem(await org.as.rep1.post(`${opps}/merge`, { survivor: a, others: [b] }), 403); // sales_rep may not delete
    expectProblem(await org.as.mgr.post(`${opps}/merge`, { survivor: a, others: [west] }), 404); // not readable
    expect((await org.admin.get(`${opps}/${west}`)).status).toBe(200);
    const merged = await org.as.mgr.post(`${opps}/merge`, { survivor: a, others: [b] });
    expect(merged.status).toBe(200);
    expectProblem(await org.admin.get(`${opps}/${b}`), 404);
  });
});
