// PATCH in one statement (RecordWriter.updateInOneStatement) against the ordinary locked path: the same
// record, history and event for every field type it takes, and each case it declines still answered
// by the ordinary path (unchanged, stale If-Match, deleted), also under concurrent writers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { sql } from '../support/pg.js';

let server: TestServer;
let admin: Client;
const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const opt = (key: string) => ({ key, label: label(key, key) });

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const res = await admin.post('/api/metadata/objects', {
    kind: 'object', name: 'part', label: label('Part', '零件'), titleField: 'name', trackHistory: true,
    fields: {
      name: { type: 'text', required: true }, notes: { type: 'textarea' }, body: { type: 'richtext' },
      qty: { type: 'integer', min: 0 }, weight: { type: 'number' }, price: { type: 'currency' }, discount: { type: 'percent' },
      active: { type: 'boolean' }, made_on: { type: 'date' }, seen_at: { type: 'datetime' }, phone: { type: 'phone' }, site: { type: 'url' },
      color: { type: 'select', options: [opt('red'), opt('blue')] }, sizes: { type: 'multiselect', options: [opt('s'), opt('m')] },
      account: { type: 'relation', target: 'account' }, buyer: { type: 'user' }, stars: { type: 'rating' }, labels: { type: 'tags' },
    },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
});
afterAll(() => server?.stop());

const history = async (id: string) => (await admin.get(`/api/records/part/${id}/history`)).body as { version: number; action: string; changes: Record<string, unknown> }[];
const events = async (id: string) => (await sql<{ payload: { version: number; changes: Record<string, unknown> } }>(server.database!.url,
  `SELECT payload FROM core.outbox WHERE record_id = $1 AND type = 'record.updated' ORDER BY id`, [id])).map((r) => r.payload);

describe('PATCH in one statement', () => {
  it('writes the same record, history and event as the ordinary path, for every field type it takes', async () => {
    const me = (await admin.get('/api/auth/me')).body;
    const [acme, globex] = await Promise.all(['Acme', 'Globex'].map(async (name) => (await admin.post('/api/records/account', { name })).body));
    const start = {
      name: 'Bolt', notes: 'a', body: '<p>old</p>', qty: 1, weight: 1.5, price: 10, discount: 5, active: true, made_on: '2026-01-31',
      seen_at: '2026-11-30T08:00:00.000Z', phone: '+86 138 0013 8000', site: 'https://a.example', color: 'red', sizes: ['s'],
      account: acme.id, buyer: me.id, stars: 3, labels: ['x'],
    };
    const patch = {
      name: '  Bolt 2 ', notes: null, body: '<p>new <script>x()</script></p>', qty: 7, weight: 2.25, price: 12.5, discount: 0, active: false,
      made_on: '2026-02-28', phone: '13900139000', site: 'https://b.example', color: 'blue', sizes: ['s', 'm'], account: globex.id,
      buyer: null, stars: 5, labels: ['x', 'y'],
    };
    const [a, b] = await Promise.all([1, 2].map(async () => (await admin.post('/api/records/part', start)).body));
    const fast = await admin.patch(`/api/records/part/${a.id}`, patch, { 'if-match': '"1"' });
    // the same patch plus an unchanged datetime: datetime fields take the ordinary path
    const ordinary = await admin.patch(`/api/records/part/${b.id}`, { ...patch, seen_at: start.seen_at }, { 'if-match': '"1"' });
    expect([fast.status, ordinary.status]).toEqual([200, 200]);
    // which path wrote: the one statement is its transaction's first command (cmin 0); the ordinary
    // path locked the row with an earlier SELECT … FOR UPDATE, so its UPDATE is a later command
    const command = async (id: string) => Number((await sql<{ c: string }>(server.database!.url, 'SELECT cmin::text AS c FROM data.part WHERE id = $1', [id]))[0]!.c);
    expect([await command(a.id), (await command(b.id)) > 0]).toEqual([0, true]);
    expect([fast.headers.get('etag'), ordinary.headers.get('etag')]).toEqual(['"2"', '"2"']);
    const strip = ({ id: _i, created_at: _c, updated_at: _u, ...rest }: Record<string, unknown>) => rest;
    expect(strip(fast.body)).toEqual(strip(ordinary.body));
    expect(fast.body).toMatchObject({ name: 'Bolt 2', notes: null, qty: 7, phone: '+8613900139000', account: globex.id, buyer: null, version: 2 });
    expect(fast.body.body).not.toContain('script');
    expect((await admin.get(`/api/records/part/${a.id}`)).body).toEqual(fast.body);

    const [ha, hb] = await Promise.all([history(a.id), history(b.id)]);
    expect(ha.map((h) => [h.version, h.action])).toEqual([[2, 'update'], [1, 'create']]);
    expect(ha[0]!.changes).toEqual(hb[0]!.changes);
    // every patched field, from the stored value to the written one, as GET shows them
    expect(ha[0]!.changes).toEqual(Object.fromEntries(Object.keys(patch).map((f) => [f, { from: a[f] ?? null, to: fast.body[f] }])));
    const [ea, eb] = await Promise.all([events(a.id), events(b.id)]);
    expect(ea).toEqual([{ version: 2, changes: ha[0]!.changes }]);
    expect(eb).toEqual(ea);
  });

  it('leaves an unchanged record, a stale If-Match and a deleted record to the ordinary answers', async () => {
    const rec = (await admin.post('/api/records/part', { name: 'Nut', qty: 2, color: 'red', seen_at: '2026-11-30T08:00:00Z' })).body;
    // the datetime as GET answers it is the stored value, not a change
    const same = await admin.patch(`/api/records/part/${rec.id}`, { qty: 2, color: 'red', seen_at: rec.seen_at });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(1);
    expect((await history(rec.id)).map((h) => h.version)).toEqual([1]);
    expectProblem(await admin.patch(`/api/records/part/${rec.id}`, { qty: 3 }, { 'if-match': '"7"' }), 412);
    expect((await admin.del(`/api/records/part/${rec.id}`)).status).toBe(204);
    expectProblem(await admin.patch(`/api/records/part/${rec.id}`, { qty: 3 }), 404);
    expectProblem(await admin.patch(`/api/records/part/00000000-0000-4000-8000-000000000000`, { qty: 3 }), 404);
  });

  it('serializes concurrent writers on the row: every change is recorded from the value the previous one wrote', async () => {
    const rec = (await admin.post('/api/records/part', { name: 'Washer', qty: 0 })).body;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => admin.patch(`/api/records/part/${rec.id}`, { qty: i + 1 })));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    const updates = (await history(rec.id)).filter((h) => h.action === 'update').reverse();
    expect(updates.map((h) => h.version)).toEqual(Array.from({ length: 12 }, (_, i) => i + 2));
    updates.forEach((h, i) => {
      const { qty } = h.changes as { qty: { from: number; to: number } };
      expect(qty.from).toBe(i === 0 ? 0 : (updates[i - 1]!.changes as { qty: { to: number } }).qty.to);
    });
    expect((await admin.get(`/api/records/part/${rec.id}`)).body.version).toBe(13);
  });
});
