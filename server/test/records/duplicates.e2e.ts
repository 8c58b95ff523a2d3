import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let acme: { id: string };
let ann: { id: string };
const ids: Record<string, string> = {};
type Found = { record: { id: string; name: string }; rule: { index: number; match: string[] }; score: number };

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  acme = (await admin.post('/api/records/account', { name: 'Acme' })).body;
  const other = (await admin.post('/api/records/account', { name: 'Other' })).body;
  ann = (await admin.post('/api/records/contact', { name: 'Ann Lee', email: 'ann@example.com', mobile: '+86 138 0013 8000', account: acme.id })).body;
  const make = async (key: string, body: Record<string, unknown>) => { ids[key] = (await admin.post('/api/records/contact', body)).body.id; };
  await make('byEmail', { name: 'A. Lee', email: '  ANN@example.COM ' });
  await make('byPhone', { name: 'Mobile twin', mobile: '138-0013-8000' });
  await make('byName', { name: 'ANN  LEE', account: acme.id });
  await make('nameOtherAccount', { name: 'Ann Lee', account: other.id });
  await make('unrelated', { name: 'Bob', email: 'bob@example.com', mobile: '13900000000' });
  await make('binned', { name: 'Binned', email: 'ann@example.com' });
  await admin.del(`/api/records/contact/${ids.binned}`);
});
afterAll(() => server?.stop());

describe('duplicates', () => {
  it('finds live records by normalized email, phone digits and name within the same account', async () => {
    const res = await admin.get(`/api/records/contact/duplicates?recordId=${ann.id}`);
    expect(res.status).toBe(200);
    const found: Found[] = res.body.data;
    const byId = new Map(found.map((f) => [f.record.id, f]));
    expect(new Set(byId.keys())).toEqual(new Set([ids.byEmail, ids.byPhone, ids.byName]));
    expect(byId.get(ids.byEmail!)!.rule.match).toEqual(['email']);
    expect(byId.get(ids.byPhone!)!.rule.match).toEqual(['mobile']);
    expect(byId.get(ids.byName!)!.rule.match).toEqual(['name', 'account']);
    for (const f of found) expect(f.score).toBeGreaterThan(0.6);
    expect(byId.get(ids.byEmail!)!.record.name).toBe('A. Lee');
  });

  it('finds nothing for a record without duplicates', async () => {
    expect((await admin.get(`/api/records/contact/duplicates?recordId=${ids.unrelated}`)).body.data).toEqual([]);
  });

  it('answers 404 for unknown records and 400 for bad parameters', async () => {
    expectProblem(await admin.get('/api/records/contact/duplicates?recordId=00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await admin.get('/api/records/contact/duplicates'), 400);
    expectProblem(await admin.get(`/api/records/contact/duplicates?recordId=${ann.id}&fuzzy=true`), 400);
  });
});
