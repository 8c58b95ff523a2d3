// List, GET one, create and PATCH answered before NestJS's pipeline (src/records/hot-routes.ts) give
// exactly what the NestJS routes give: the same bodies, ETags and content types as through an API key
// (which the hot routes leave to the routes), and every error the routes' problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let jwt: Client;
let key: Client;
const ids: string[] = [];
const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  jwt = await login(server.url, server.adminEmail, server.adminPassword);
  key = client(server.url, (await jwt.post('/api/auth/api-keys', { name: 'hot routes' })).body.key);
  const res = await jwt.post('/api/metadata/objects', {
    kind: 'object', name: 'hot', label: label('Hot', '热读'), titleField: 'name',
    fields: { name: { type: 'text', required: true, maxLength: 20 }, code: { type: 'text', unique: true }, n: { type: 'number' }, at: { type: 'datetime' }, day: { type: 'date' }, ok: { type: 'boolean' }, tags: { type: 'tags' }, extra: { type: 'json' } },
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  for (let i = 0; i < 5; i++) {
    const created = await jwt.post('/api/records/hot', { name: `h${i} "q" 中`, n: i / 4, at: `2026-11-30T08:00:0${i}.12${i}Z`, day: '2026-02-28', ok: i % 2 === 0, tags: ['a', String(i)], extra: { i } });
    ids.push(created.body.id);
  }
});
afterAll(() => server?.stop());

/** The raw answer (text, not parsed): status, the headers a client reads, and the body. */
async function raw(c: 'jwt' | 'key', path: string) {
  const res = await fetch(server.url + path, { headers: { authorization: `Bearer ${c === 'jwt' ? jwt.token : key.token}` } });
  return { status: res.status, etag: res.headers.get('etag'), type: res.headers.get('content-type'), body: await res.text() };
}

describe('hot reads answer as the routes do', () => {
  it('GET one: the same body, ETag and content type', async () => {
    const hot = await raw('jwt', `/api/records/hot/${ids[1]}`);
    expect(hot).toEqual(await raw('key', `/api/records/hot/${ids[1]}`));
    expect(hot).toMatchObject({ status: 200, etag: '"1"', type: 'application/json; charset=utf-8' });
    expect(JSON.parse(hot.body)).toMatchObject({ name: 'h1 "q" 中', n: 0.25, at: '2026-11-30T08:00:01.121Z', day: '2026-02-28', ok: false, tags: ['a', '1'], extra: { i: 1 } });
  });

  it('lists: the same pages and cursors, with filter, sort, fields and count', async () => {
    const q = `filter=${encodeURIComponent(JSON.stringify({ n: { $gte: 0.25 } }))}&sort=-at&limit=2&count=true`;
    const first = await raw('jwt', `/api/records/hot?${q}`);
    expect(first).toEqual(await raw('key', `/api/records/hot?${q}`));
    const page = JSON.parse(first.body);
    expect(page.data.map((r: { id: string }) => r.id)).toEqual([ids[4], ids[3]]);
    expect(page.total).toBe(4);
    const next = await raw('jwt', `/api/records/hot?${q}&cursor=${page.nextCursor}`);
    expect(next).toEqual(await raw('key', `/api/records/hot?${q}&cursor=${page.nextCursor}`));
    expect(JSON.parse(next.body).data.map((r: { id: string }) => r.id)).toEqual([ids[2], ids[1]]);
  });

  it('GET one with fields or expand is the route\'s', async () => {
    const res = await jwt.get(`/api/records/hot/${ids[0]}?fields=name`);
    expect(res.body).toEqual({ id: ids[0], name: 'h0 "q" 中' });
    expect(res.headers.get('etag')).toBe('"1"');
  });

  it('leaves every error to the routes: 404, 401 and 400 stay problem+json with paths', async () => {
    expectProblem(await jwt.get('/api/records/hot/00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await jwt.get('/api/records/nothing_here'), 404);
    expectProblem(await jwt.get('/api/records/nothing_here/00000000-0000-4000-8000-000000000000'), 404);
    expectProblem(await client(server.url, 'not-a-token').get(`/api/records/hot/${ids[0]}`), 401);
    expectProblem(await client(server.url, 'not-a-token').get('/api/records/hot'), 401);
    const bad = expectProblem(await jwt.get(`/api/records/hot?filter=${encodeURIComponent('{"nope":1}')}`), 400);
    expect(bad.errors?.[0]?.path).toMatch(/^\/filter/);
    expect((await jwt.del(`/api/records/hot/${ids[0]}`)).status).toBe(204);
    expectProblem(await jwt.get(`/api/records/hot/${ids[0]}`), 404);
  });
});

describe('hot writes answer as the routes do', () => {
  /** A create or update through the JWT (hot) and the API key (NestJS), as text and the headers a client reads. */
  async function write(c: 'jwt' | 'key', method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(server.url + path, {
      method, body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { authorization: `Bearer ${c === 'jwt' ? jwt.token : key.token}`, 'content-type': 'application/json', ...headers },
    });
    const text = await res.text();
    return { status: res.status, etag: res.headers.get('etag'), location: res.headers.get('location'), type: res.headers.get('content-type'), body: JSON.parse(text) };
  }
  const sameExceptIds = (a: { body: Record<string, unknown> }, b: { body: Record<string, unknown> }) => {
    const strip = (x: Record<string, unknown>) => Object.fromEntries(Object.entries(x).filter(([k]) => !['id', 'created_at', 'updated_at', 'code', 'name'].includes(k)));
    expect(Object.keys(a.body)).toEqual(Object.keys(b.body));
    expect(strip(a.body)).toEqual(strip(b.body));
  };

  it('creates: 201 with Location, ETag and the record, as through the route', async () => {
    const hot = await write('jwt', 'POST', '/api/records/hot', { name: 'c1', code: 'c-1', n: 1.5, tags: ['x'] });
    const route = await write('key', 'POST', '/api/records/hot', { name: 'c2', code: 'c-2', n: 1.5, tags: ['x'] });
    expect(hot).toMatchObject({ status: 201, etag: '"1"', location: `/api/records/hot/${hot.body.id}`, type: route.type });
    expect(route).toMatchObject({ status: 201, etag: '"1"', location: `/api/records/hot/${route.body.id}` });
    sameExceptIds(hot, route);
    expect(hot.body).toMatchObject({ name: 'c1', code: 'c-1', n: 1.5, tags: ['x'], version: 1 });
  });

  it('replays an Idempotency-Key with 200 and the same record', async () => {
    const first = await write('jwt', 'POST', '/api/records/hot', { name: 'idem' }, { 'idempotency-key': 'hot-1' });
    const again = await write('jwt', 'POST', '/api/records/hot', { name: 'idem' }, { 'idempotency-key': 'hot-1' });
    expect([first.status, again.status, again.body.id]).toEqual([201, 200, first.body.id]);
  });

  it('updates with If-Match: 200 and the new ETag; a stale version 412', async () => {
    const id = (await write('jwt', 'POST', '/api/records/hot', { name: 'u1' })).body.id;
    const updated = await write('jwt', 'PATCH', `/api/records/hot/${id}`, { n: 9 }, { 'if-match': '"1"' });
    expect(updated).toMatchObject({ status: 200, etag: '"2"', body: { id, n: 9, version: 2 } });
    const stale = await write('jwt', 'PATCH', `/api/records/hot/${id}`, { n: 10 }, { 'if-match': '"1"' });
    const staleRoute = await write('key', 'PATCH', `/api/records/hot/${id}`, { n: 10 }, { 'if-match': '"1"' });
    expect(stale).toEqual(staleRoute);
    expect(stale.status).toBe(412);
  });

  it('answers every write error once, as the routes\' problem+json', async () => {
    const cases: [string, string, unknown, Record<string, string>?][] = [
      ['POST', '/api/records/hot', { name: 'x'.repeat(30) }],
      ['POST', '/api/records/hot', { name: 'dup', code: 'c-1' }],
      ['POST', '/api/records/hot', { nope: 1 }],
      ['POST', '/api/records/hot', '{"name": '],
      ['POST', '/api/records/no_such_object', { name: 'x' }],
      ['POST', '/api/records/hot', { name: 'k' }, { 'idempotency-key': 'not a key!' }],
      ['PATCH', `/api/records/hot/${ids[2]}`, { n: 1 }, { 'if-match': 'soon' }],
      ['PATCH', '/api/records/hot/00000000-0000-4000-8000-000000000000', { n: 1 }],
    ];
    for (const [method, path, body, headers] of cases) {
      const hot = await write('jwt', method, path, body, headers);
      expect(hot.type, `${method} ${path}`).toBe('application/problem+json; charset=utf-8');
      expect(hot.status).toBeGreaterThanOrEqual(400);
      expect(hot, `${method} ${path} ${JSON.stringify(body)}`).toEqual(await write('key', method, path, body, headers));
    }
    const before = JSON.parse((await raw('jwt', '/api/records/hot?count=true&limit=1')).body).total;
    expect((await client(server.url, 'not-a-token').post('/api/records/hot', { name: 'x' })).status).toBe(401);
    expect(JSON.parse((await raw('jwt', '/api/records/hot?count=true&limit=1')).body).total).toBe(before);
  });
});
