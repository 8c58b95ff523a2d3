import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const opt = (key: string) => ({ key, label: label(key, key) });

const gizmo = {
  kind: 'object', name: 'gizmo', label: label('Gizmo', '小物件'), titleField: 'name', searchFields: ['name'], trackHistory: true,
  fields: {
    name: { type: 'text', required: true, maxLength: 100 }, notes: { type: 'textarea' }, body: { type: 'richtext' },
    qty: { type: 'integer', min: 0 }, weight: { type: 'number' }, price: { type: 'currency' }, discount: { type: 'percent' },
    active: { type: 'boolean' }, made_on: { type: 'date' }, seen_at: { type: 'datetime' },
    email: { type: 'email', unique: true }, phone: { type: 'phone' }, site: { type: 'url' },
    color: { type: 'select', options: [opt('red'), opt('blue')] }, sizes: { type: 'multiselect', options: [opt('s'), opt('m')] },
    account: { type: 'relation', target: 'account' }, buyer: { type: 'user' }, code: { type: 'autonumber', pattern: 'G-{0000}' },
    total: { type: 'formula', expression: 'qty * price', resultType: 'currency' },
    extra: { type: 'json' }, stars: { type: 'rating' }, labels: { type: 'tags' },
  },
};

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const res = await admin.post('/api/metadata/objects', gizmo);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
});
afterAll(() => server?.stop());

describe('create, read, update, delete', () => {
  it('round-trips every field type', async () => {
    const account = (await admin.post('/api/records/account', { name: 'Acme' })).body;
    const me = (await admin.get('/api/auth/me')).body;
    const input = {
      name: '  Widget one  ', notes: 'line 1\nline 2', body: '<p>Hello <script>alert(1)</script><b>bold</b></p>',
      qty: 3, weight: 1.25, price: 19.99, discount: 12.5, active: true, made_on: '2026-02-28', seen_at: '2026-11-30T08:00:00.000Z',
      email: 'Sales@Example.COM', phone: '+86 138 0013 8000', site: 'https://example.com/a', color: 'red', sizes: ['s', 'm'],
      account: account.id, buyer: me.id, extra: { a: [1, 2], b: { c: 'd' } }, stars: 4, labels: ['vip', 'north'],
    };
    const created = await admin.post('/api/records/gizmo', input);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/records/gizmo/${created.body.id}`);
    expect(created.headers.get('etag')).toBe('"1"');
    const got = (await admin.get(`/api/records/gizmo/${created.body.id}`)).body;
    expect(got).toMatchObject({
      name: 'Widget one', notes: 'line 1\nline 2', qty: 3, weight: 1.25, price: 19.99, discount: 12.5, active: true,
      made_on: '2026-02-28', email: 'sales@example.com', phone: '+8613800138000', site: 'https://example.com/a', color: 'red',
      sizes: ['s', 'm'], account: account.id, buyer: me.id, extra: { a: [1, 2], b: { c: 'd' } }, stars: 4, labels: ['vip', 'north'],
      code: 'G-0001', total: 59.97, owner: me.id, created_by: me.id, version: 1,
    });
    expect(new Date(got.seen_at).toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(got.body).toContain('<b>bold</b>');
    expect(got.body).not.toContain('script');
    const expanded = (await admin.get(`/api/records/gizmo/${created.body.id}?expand=account`)).body;
    expect(expanded.account).toMatchObject({ id: account.id, title: 'Acme' });
  });

  it('refuses bad input with 422 paths and never writes half a record', async () => {
    const before = (await admin.get('/api/records/gizmo?count=true')).body.total;
    const p = expectProblem(await admin.post('/api/records/gizmo', { qty: -1, color: 'green', email: 'nope', made_on: '2026-13-01', unknown: 1, id: 'x', total: 5 }), 422);
    expect(p.errors!.map((e) => e.path)).toEqual(expect.arrayContaining(['/name', '/qty', '/color', '/email', '/made_on', '/unknown', '/id', '/total']));
    expect((await admin.get('/api/records/gizmo?count=true')).body.total).toBe(before);
  });

  it('answers 409 naming the field on a unique violation', async () => {
    await admin.post('/api/records/gizmo', { name: 'Dup A', email: 'dup@example.com' });
    const p = expectProblem(await admin.post('/api/records/gizmo', { name: 'Dup B', email: 'DUP@example.com' }), 409);
    expect(p.errors![0].path).toBe('/email');
  });

  it('answers 404 for unknown objects and records', async () => {
    expectProblem(await admin.get('/api/records/nope'), 404);
    expectProblem(await admin.get('/api/records/gizmo/00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await admin.get('/api/records/gizmo/not-a-uuid'), 404);
  });

  it('updates with If-Match, and exactly one of two concurrent PATCHes with the same version wins', async () => {
    const rec = (await admin.post('/api/records/gizmo', { name: 'Race' })).body;
    const [a, b] = await Promise.all([
      admin.patch(`/api/records/gizmo/${rec.id}`, { qty: 1 }, { 'if-match': '"1"' }),
      admin.patch(`/api/records/gizmo/${rec.id}`, { qty: 2 }, { 'if-match': '"1"' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expectProblem(loser, 412);
    const now = await admin.get(`/api/records/gizmo/${rec.id}`);
    expect(now.body.version).toBe(2);
    expect(now.headers.get('etag')).toBe('"2"');
    expectProblem(await admin.patch(`/api/records/gizmo/${rec.id}`, { qty: 3 }, { 'if-match': 'garbage' }), 400);
  });

  it('soft-deletes to the bin and restores', async () => {
    const rec = (await admin.post('/api/records/gizmo', { name: 'Binned' })).body;
    expect((await admin.del(`/api/records/gizmo/${rec.id}`)).status).toBe(204);
    expectProblem(await admin.get(`/api/records/gizmo/${rec.id}`), 404);
    const bin = (await admin.get('/api/records/gizmo?deleted=true')).body.data.map((r: { id: string }) => r.id);
    expect(bin).toContain(rec.id);
    const restored = await admin.post(`/api/records/gizmo/${rec.id}/restore`);
    expect(restored.status).toBe(200);
    expect((await admin.get(`/api/records/gizmo/${rec.id}`)).status).toBe(200);
  });

  it('returns the first result for a retried POST with the same Idempotency-Key', async () => {
    const first = await admin.post('/api/records/gizmo', { name: 'Once' }, { 'idempotency-key': 'order-123' });
    const again = await admin.post('/api/records/gizmo', { name: 'Once' }, { 'idempotency-key': 'order-123' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const list = (await admin.get(`/api/records/gizmo?filter=${encodeURIComponent(JSON.stringify({ name: 'Once' }))}`)).body.data;
    expect(list).toHaveLength(1);
  });
});

describe('history', () => {
  it('records every change and restores a version or some of its fields', async () => {
    const rec = (await admin.post('/api/records/gizmo', { name: 'Hist', qty: 1, color: 'red' })).body;
    await admin.patch(`/api/records/gizmo/${rec.id}`, { qty: 2, color: 'blue' });
    await admin.patch(`/api/records/gizmo/${rec.id}`, { qty: 3 });
    const history = (await admin.get(`/api/records/gizmo/${rec.id}/history`)).body;
    expect(history.map((h: { version: number }) => h.version)).toEqual([3, 2, 1]);
    expect(history[1].changes).toEqual({ qty: { from: 1, to: 2 }, color: { from: 'red', to: 'blue' } });
    const some = await admin.post(`/api/records/gizmo/${rec.id}/history/1/restore`, { fields: ['color'] });
    expect(some.body).toMatchObject({ qty: 3, color: 'red', version: 4 });
    const all = await admin.post(`/api/records/gizmo/${rec.id}/history/2/restore`, {});
    expect(all.body).toMatchObject({ qty: 2, color: 'blue', version: 5 });
    expectProblem(await admin.post(`/api/records/gizmo/${rec.id}/history/99/restore`, {}), 404);
  });
});

describe('lists', () => {
  it('pages with a cursor through every row exactly once, stable under ties', async () => {
    for (let i = 0; i < 23; i++) await admin.post('/api/records/gizmo', { name: `page ${i % 4}`, qty: i % 3, notes: 'paging' });
    const filter = encodeURIComponent(JSON.stringify({ notes: 'paging' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { data: { id: string }[]; nextCursor: string | null } } = await admin.get(`/api/records/gizmo?filter=${filter}&sort=qty,-name&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.data.map((r) => r.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
  });

  it('filters, searches and counts', async () => {
    const filter = encodeURIComponent(JSON.stringify({ $and: [{ notes: 'paging' }, { qty: { $gte: 2 } }] }));
    const res = await admin.get(`/api/records/gizmo?filter=${filter}&count=true&limit=100`);
    expect(res.body.total).toBe(7);
    expect(res.body.data.every((r: { qty: number }) => r.qty === 2)).toBe(true);
    const q = await admin.get('/api/records/gizmo?q=page%203&count=true');
    expect(q.body.total).toBe(5);
  });

  it('answers 400 for unknown parameters, bad filters and a 1000-deep filter', async () => {
    expectProblem(await admin.get('/api/records/gizmo?bogus=1'), 400);
    const p = expectProblem(await admin.get(`/api/records/gizmo?filter=${encodeURIComponent('{"nope":1}')}`), 400);
    expect(p.errors![0].path).toMatch(/^\/filter/);
    let deep: unknown = { name: 'x' };
    for (let i = 0; i < 1000; i++) deep = { $and: [deep] };
    expectProblem(await admin.get(`/api/records/gizmo?filter=${encodeURIComponent(JSON.stringify(deep))}`), 400);
    expectProblem(await admin.get('/api/records/gizmo?limit=501'), 400);
    expectProblem(await admin.get('/api/records/gizmo?sort=nope'), 400);
    expectProblem(await admin.get('/api/records/gizmo?cursor=garbage'), 400);
  });
});

describe('OpenAPI per object', () => {
  it('describes each object for an authenticated caller, refreshed on a new revision', async () => {
    const doc = (await admin.get('/api/openapi.json')).body;
    expect(doc.components.schemas.Gizmo.properties.price).toMatchObject({ type: 'number' });
    expect(doc.components.schemas.GizmoInput.required).toEqual(['name']);
    expect(doc.paths['/api/records/gizmo/{id}'].patch).toBeDefined();
    await admin.post('/api/metadata/objects/gizmo/fields', { name: 'serial', type: 'text' });
    const after = (await admin.get('/api/openapi.json')).body;
    expect(after.components.schemas.Gizmo.properties.serial).toMatchObject({ type: 'string' });
  });

  it('publishes no object schemas to anonymous callers', async () => {
    const res = await fetch(server.url + '/api/openapi.json');
    const doc = await res.json();
    expect(doc.components?.schemas?.Gizmo).toBeUndefined();
    expect(doc.paths['/api/auth/login']).toBeDefined();
  });
});
