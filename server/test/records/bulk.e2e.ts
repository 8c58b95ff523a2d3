import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
const opt = (key: string) => ({ key, label: { en: key, 'zh-CN': key } });
const crate = {
  kind: 'object', name: 'crate', label: { en: 'Crate', 'zh-CN': '箱子' }, titleField: 'name', trackHistory: true,
  fields: {
    name: { type: 'text', required: true, maxLength: 50 }, qty: { type: 'integer', min: 0 },
    email: { type: 'email', unique: true }, status: { type: 'select', options: [opt('open'), opt('closed')] },
  },
};
const filterOf = (f: unknown) => encodeURIComponent(JSON.stringify(f));
const count = async (f: unknown) => (await admin.get(`/api/records/crate?count=true&limit=1&filter=${filterOf(f)}`)).body.total as number;

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const res = await admin.post('/api/metadata/objects', crate);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
});
afterAll(() => server?.stop());

describe('bulk create', () => {
  it('creates every row with history and an outbox event each', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ name: `batch-a ${i}`, qty: i, status: 'open' }));
    const res = await admin.post('/api/records/crate/bulk', { create: rows });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matched: 20, changed: 20, errors: [] });
    expect(await count({ name: { $startsWith: 'batch-a' } })).toBe(20);
    const [h] = await sql(server.database!.url, `SELECT count(*)::int AS n FROM core.record_history WHERE object = 'crate' AND action = 'create'`);
    const [o] = await sql(server.database!.url, `SELECT count(*)::int AS n FROM core.outbox WHERE object = 'crate' AND type = 'record.created'`);
    expect(h.n).toBeGreaterThanOrEqual(20);
    expect(o.n).toBe(h.n);
    // each event its own id, from its random default (no unique index checks it since migration 0011)
    const [ids] = await sql(server.database!.url, `SELECT count(DISTINCT event_id)::int AS n, count(*)::int AS total FROM core.outbox`);
    expect(ids.n).toBe(ids.total);
  });

  it('is all-or-nothing: one bad row → 422 with its index and nothing written', async () => {
    const rows = [{ name: 'batch-b 0' }, { name: 'batch-b 1', qty: -1 }, { name: 'batch-b 2' }, { qty: 3 }];
    const p = expectProblem(await admin.post('/api/records/crate/bulk', { create: rows }), 422) as unknown as { errors: { path: string }[]; rows: { index: number }[] };
    expect(p.rows.map((r) => r.index)).toEqual([1, 3]);
    expect(p.errors.map((e) => e.path)).toEqual(['/create/1/qty', '/create/3/name']);
    expect(await count({ name: { $startsWith: 'batch-b' } })).toBe(0);
  });

  it('rolls back the rows already inserted when a later row hits a unique value', async () => {
    await admin.post('/api/records/crate', { name: 'holder', email: 'taken@example.com' });
    const rows = [{ name: 'batch-c 0', email: 'c0@example.com' }, { name: 'batch-c 1', email: 'TAKEN@example.com' }];
    const p = expectProblem(await admin.post('/api/records/crate/bulk', { create: rows }), 422);
    expect(p.errors!.map((e) => e.path)).toEqual(['/create/1/email']);
    expect(await count({ name: { $startsWith: 'batch-c' } })).toBe(0);
  });

  it('with partial commits the good rows and reports the bad ones', async () => {
    const rows = [{ name: 'batch-d 0' }, { name: 'batch-d 1', email: 'taken@example.com' }, { name: 'batch-d 2', status: 'nope' }, { name: 'batch-d 3' }];
    const res = await admin.post('/api/records/crate/bulk', { create: rows, partial: true });
    expect(res.status).toBe(200);
    expect(res.body.matched).toBe(4);
    expect(res.body.changed).toBe(2);
    expect(res.body.errors.map((e: { index: number }) => e.index)).toEqual([1, 2]);
    expect(res.body.errors.map((e: { status: number }) => e.status)).toEqual([409, 422]);
    expect(res.body.errors[0].errors[0].path).toBe('/email');
    expect(await count({ name: { $startsWith: 'batch-d' } })).toBe(2);
  });

  it('dryRun reports and writes nothing', async () => {
    const res = await admin.post('/api/records/crate/bulk?dryRun=true', { create: [{ name: 'batch-e 0' }, { name: 'batch-e 1' }] });
    expect(res.body).toEqual({ matched: 2, changed: 2, errors: [] });
    expect(await count({ name: { $startsWith: 'batch-e' } })).toBe(0);
  });

  it('refuses more than 500 rows (400), unknown keys (422) and unknown parameters (400)', async () => {
    expectProblem(await admin.post('/api/records/crate/bulk', { create: Array.from({ length: 501 }, (_, i) => ({ name: `x${i}` })) }), 400);
    const p = expectProblem(await admin.post('/api/records/crate/bulk', { create: [{ name: 'x' }], upsert: true }), 422);
    expect(p.errors![0].path).toBe('/upsert');
    expectProblem(await admin.post('/api/records/crate/bulk?dry=1', { create: [{ name: 'x' }] }), 400);
    expectProblem(await admin.post('/api/records/nope/bulk', { create: [{ name: 'x' }] }), 404);
  });
});

describe('bulk update and delete by filter', () => {
  it('updates the matching records through the write path (version, history)', async () => {
    const f = { $and: [{ name: { $startsWith: 'batch-a' } }, { qty: { $lt: 5 } }] };
    const res = await admin.post('/api/records/crate/bulk', { update: { filter: f, set: { status: 'closed' } } });
    expect(res.body).toEqual({ matched: 5, changed: 5, errors: [] });
    expect(await count({ $and: [{ name: { $startsWith: 'batch-a' } }, { status: 'closed' }] })).toBe(5);
    const again = await admin.post('/api/records/crate/bulk', { update: { filter: f, set: { status: 'closed' } } });
    expect(again.body).toEqual({ matched: 5, changed: 0, errors: [] });
    const one = (await admin.get(`/api/records/crate?filter=${filterOf({ name: 'batch-a 0' })}`)).body.data[0];
    expect(one.version).toBe(2);
    const history = (await admin.get(`/api/records/crate/${one.id}/history`)).body;
    expect(history[0].changes).toEqual({ status: { from: 'open', to: 'closed' } });
  });

  it('validates each row: an invalid set is 422 and nothing changes; dryRun changes nothing', async () => {
    const f = { name: { $startsWith: 'batch-a' } };
    const p = expectProblem(await admin.post('/api/records/crate/bulk', { update: { filter: f, set: { qty: -5 } } }), 422);
    expect(p.errors![0].path).toBe('/update/0/qty');
    const dry = await admin.post('/api/records/crate/bulk?dryRun=true', { update: { filter: f, set: { qty: 99 } } });
    expect(dry.body).toEqual({ matched: 20, changed: 20, errors: [] });
    expect(await count({ qty: 99 })).toBe(0);
  });

  it('answers 422 with paths into a bad filter', async () => {
    const p = expectProblem(await admin.post('/api/records/crate/bulk', { update: { filter: { nope: 1 }, set: { qty: 1 } } }), 422);
    expect(p.errors![0].path).toMatch(/^\/update\/filter/);
  });

  it('soft-deletes the matching records; dryRun first changes nothing', async () => {
    const f = { name: { $startsWith: 'batch-d' } };
    const dry = await admin.post('/api/records/crate/bulk?dryRun=true', { delete: { filter: f } });
    expect(dry.body).toEqual({ matched: 2, changed: 2, errors: [] });
    expect(await count(f)).toBe(2);
    const res = await admin.post('/api/records/crate/bulk', { delete: { filter: f } });
    expect(res.body).toEqual({ matched: 2, changed: 2, errors: [] });
    expect(await count(f)).toBe(0);
    const bin = (await admin.get(`/api/records/crate?deleted=true&filter=${filterOf(f)}`)).body.data;
    expect(bin).toHaveLength(2);
  });

  it('refuses a filter that matches more than 500 records', async () => {
    await admin.post('/api/records/crate/bulk', { create: Array.from({ length: 500 }, (_, i) => ({ name: `many ${i}` })) });
    await admin.post('/api/records/crate', { name: 'many 500' });
    const p = expectProblem(await admin.post('/api/records/crate/bulk', { delete: { filter: { name: { $startsWith: 'many' } } } }), 400);
    expect(p.errors![0].path).toBe('/delete/filter');
    expect(await count({ name: { $startsWith: 'many' } })).toBe(501);
  });
});
