import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

// Bulk tag by filter on the base CRM contact (field `tags`): POST /api/records/contact/bulk
// { update: { filter, addTags, removeTags } }. rep1 (team East) owns K1–K3, rep3 (team West) owns K4.
let server: TestServer;
let admin: Client;
let rep1: Client;
let tagReader: Client;
const id: Record<string, string> = {};
const tagsOf = async (key: string) => (await admin.get(`/api/records/contact/${id[key]}`)).body.tags ?? [];
const historyOf = async (key: string) => sql(server.database!.url,
  `SELECT changes FROM core.record_history WHERE object = 'contact' AND record_id = $1 AND action = 'update' ORDER BY version`, [id[key]]);

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const created = async (path: string, body: unknown): Promise<string> => {
    const res = await admin.post(path, body);
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const role = { kind: 'role', name: 'tag_reader', label: 'Tag reader', objects: { contact: { read: 'all', update: 'all', fields: { tags: 'read' } } } };
  const put = await admin.put('/api/metadata/roles/tag_reader', role);
  if (put.status !== 201) throw new Error(`PUT role: ${put.status} ${JSON.stringify(put.body)}`);
  id.east = await created('/api/teams', { name: 'East' });
  id.west = await created('/api/teams', { name: 'West' });
  id.rep1 = await created('/api/users', { email: 'rep1@loom.test', name: 'rep1', password: 'rep1-password', roles: ['sales_rep'], team: id.east });
  id.rep3 = await created('/api/users', { email: 'rep3@loom.test', name: 'rep3', password: 'rep3-password', roles: ['sales_rep'], team: id.west });
  await created('/api/users', { email: 'tags@loom.test', name: 'tags', password: 'tags-password', roles: ['tag_reader'] });
  const contact = async (key: string, owner: string, city: string, tags: string[]) => {
    id[key] = await created('/api/records/contact', { name: `Customer ${key}`, owner: id[owner], city, ...(tags.length ? { tags } : {}) });
  };
  await contact('K1', 'rep1', 'Shanghai', ['a']);
  await contact('K2', 'rep1', 'Shanghai', []);
  await contact('K3', 'rep1', 'Shanghai', ['vip']);
  await contact('K4', 'rep3', 'Beijing', ['a']);
  rep1 = await login(server.url, 'rep1@loom.test', 'rep1-password');
  tagReader = await login(server.url, 'tags@loom.test', 'tags-password');
});
afterAll(() => server?.stop());

describe('bulk tag by filter', () => {
  it('counts in a dry run what would change and changes nothing', async () => {
    const res = await admin.post('/api/records/contact/bulk?dryRun=true', { update: { filter: { city: 'Shanghai' }, addTags: { tags: ['vip'] } } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matched: 3, changed: 2, errors: [] });
    expect([await tagsOf('K1'), await tagsOf('K2'), await tagsOf('K3')]).toEqual([['a'], [], ['vip']]);
    expect(await historyOf('K1')).toEqual([]);
  });

  it('adds a tag to every matching record, keeping their other tags and a history entry each', async () => {
    const res = await admin.post('/api/records/contact/bulk', { update: { filter: { city: 'Shanghai' }, addTags: { tags: ['vip'] } } });
    expect(res.body).toEqual({ matched: 3, changed: 2, errors: [] });
    expect([await tagsOf('K1'), await tagsOf('K2'), await tagsOf('K3'), await tagsOf('K4')]).toEqual([['a', 'vip'], ['vip'], ['vip'], ['a']]);
    expect(await historyOf('K1')).toEqual([{ changes: { tags: { from: ['a'], to: ['a', 'vip'] } } }]);
    expect(await historyOf('K3')).toEqual([]);
  });

  it('removes and adds in one request', async () => {
    const res = await admin.post('/api/records/contact/bulk', { update: { filter: { tags: { $contains: 'vip' } }, removeTags: { tags: ['vip'] }, addTags: { tags: ['churn_risk'] } } });
    expect(res.body).toEqual({ matched: 3, changed: 3, errors: [] });
    expect([await tagsOf('K1'), await tagsOf('K2'), await tagsOf('K3')]).toEqual([['a', 'churn_risk'], ['churn_risk'], ['churn_risk']]);
  });

  it('refuses fields that are not tags fields (422 with the path)', async () => {
    const p = expectProblem(await admin.post('/api/records/contact/bulk', { update: { filter: {}, addTags: { name: ['x'] } } }), 422);
    expect(p.errors!.map((e) => e.path)).toEqual(['/update/addTags/name']);
  });

  it("tags only the records the caller may read: a rep's filter never reaches another team", async () => {
    const res = await rep1.post('/api/records/contact/bulk', { update: { filter: { tags: { $contains: 'a' } }, addTags: { tags: ['east'] } } });
    expect(res.body).toEqual({ matched: 1, changed: 1, errors: [] });
    expect(await tagsOf('K1')).toEqual(['a', 'churn_risk', 'east']);
    expect(await tagsOf('K4')).toEqual(['a']);
  });

  it('refuses a caller who may read but not write the tags field, writing nothing', async () => {
    const res = await tagReader.post('/api/records/contact/bulk', { update: { filter: { city: 'Beijing' }, addTags: { tags: ['x'] } } });
    expectProblem(res, 422);
    expect(res.body.rows).toEqual([expect.objectContaining({ index: 0, id: id.K4, status: 403 })]);
    expect(await tagsOf('K4')).toEqual(['a']);
  });
});
