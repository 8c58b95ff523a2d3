import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let rep: Client;

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const created = await admin.post('/api/users', { email: 'lv-rep@loom.test', name: 'rep', password: 'password-123', roles: ['sales_rep'] });
  expect(created.status).toBe(201);
  rep = await login(server.url, 'lv-rep@loom.test', 'password-123');
});
afterAll(() => server?.stop());

const layout = (sections: unknown[]) => ({ kind: 'layout', name: 'deal_conditional', object: 'opportunity', sections });

describe('layout visibleWhen (sections and fields)', () => {
  it('stores conditions on sections and on field entries, keeping plain names, and serves them', async () => {
    const sections = [
      { name: 'main', fields: ['name', { field: 'loss_reason', visibleWhen: { stage: 'lost' } }] },
      { name: 'money', visibleWhen: { amount: { $gte: 1000 } }, fields: ['discount', { field: 'cost' }] },
    ];
    const put = await admin.put('/api/metadata/layouts/deal_conditional', layout(sections));
    expect(put.status).toBe(201);
    expect(put.body.layout.sections).toEqual(sections);
    const asRep = await rep.get('/api/metadata/layouts/deal_conditional');
    expect(asRep.status).toBe(200);
    // cost is hidden from sales reps: its entry goes, with its rule
    expect(asRep.body.sections[1]).toEqual({ name: 'money', visibleWhen: { amount: { $gte: 1000 } }, fields: ['discount'] });
  });

  it('refuses (422) a condition naming an unknown field, with the path into it', async () => {
    const p = expectProblem(await admin.put('/api/metadata/layouts/deal_conditional', layout([
      { name: 'main', visibleWhen: { ghost: 1 }, fields: ['name', { field: 'amount', visibleWhen: { $or: [{ stage: 'won' }, { nope: { $gt: 1 } }] } }] },
    ])), 422);
    expect(p.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['/sections/0/visibleWhen/ghost', '/sections/0/fields/1/visibleWhen/$or/1/nope']));
  });

  it('refuses (422) a field entry of the wrong shape', async () => {
    const p = expectProblem(await admin.put('/api/metadata/layouts/deal_conditional', layout([{ name: 'main', fields: [{ name: 'amount' }] }])), 422);
    expect(p.errors!.some((e) => e.path.startsWith('/sections/0/fields/0'))).toBe(true);
  });
});
