import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../auth/current-user.js';
import { bearer, registerHotRoutes, type HotRouteServices } from './hot-routes.js';
import { WrittenRecord } from './lib/written-record.js';

const USER = { id: 'u1' } as CurrentUser;
function services(fail?: string): HotRouteServices & { calls: string[] } {
  const calls: string[] = [];
  const failing = (what: string) => { if (fail === what) throw Object.assign(new Error(what), { status: 418 }); };
  return {
    calls,
    auth: { authenticate: async (h) => { calls.push(`auth ${h}`); failing('auth'); return USER; } },
    shares: { attach: (u) => { calls.push(`shares ${u.id}`); return undefined; } },
    records: {
      objectOrThrow: (o) => { if (o === 'nope') throw new Error('404'); return {} as never; },
      getJson: async (_u, object, id) => { calls.push(`get ${object} ${id}`); failing('get'); return { json: `{"id":"${id}"}`, version: 7 }; },
      createWritten: async (_u, object, body, key) => { calls.push(`create ${object} ${JSON.stringify(body)} ${key}`); failing('create'); return { written: WrittenRecord.fromJson('{"id":"n1","version":1}', 'n1', 1), replayed: key === 'again' }; },
      updateWritten: async (_u, object, id, body, ifMatch) => { calls.push(`update ${object} ${id} ${JSON.stringify(body)} ${ifMatch}`); failing('update'); return WrittenRecord.fromRecord({ id, version: 4 }); },
    },
    reader: { listJson: async (_u, object, q) => { calls.push(`list ${object} ${JSON.stringify(q)}`); return '{"data":[]}'; } },
    problems: { send: (e, _req, reply) => { calls.push(`problem ${(e as Error).message}`); reply.status(499).send('problem'); } },
  };
}

/** A Fastify app with the hot routes, and routes that answer "route" (what NestJS would answer). */
async function app(s: HotRouteServices) {
  const f = Fastify();
  registerHotRoutes(f, () => s);
  for (const method of ['GET', 'POST'] as const) f.route({ method, url: '/api/records/:object', handler: async () => 'route' });
  for (const method of ['GET', 'PATCH', 'DELETE'] as const) f.route({ method, url: '/api/records/:object/:id', handler: async () => 'route' });
  f.get('/api/records/:object/:id/history', async () => 'route');
  await f.ready();
  return f;
}
type App = Awaited<ReturnType<typeof app>>;
const send = (f: App, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: object) =>
  f.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const JWT = { authorization: 'Bearer t0k' };

describe('registerHotRoutes: reads', () => {
  it('answers GET one and lists from the services, with the ETag and content type of the routes', async () => {
    const s = services();
    const f = await app(s);
    const one = await send(f, 'GET', '/api/records/deal/r1', JWT);
    expect([one.statusCode, one.body, one.headers.etag, one.headers['content-type']]).toEqual([200, '{"id":"r1"}', '"7"', 'application/json; charset=utf-8']);
    const list = await send(f, 'GET', '/api/records/deal?limit=2', JWT);
    expect([list.statusCode, list.body]).toEqual([200, '{"data":[]}']);
    expect(s.calls).toEqual(['auth Bearer t0k', 'shares u1', 'get deal r1', 'auth Bearer t0k', 'shares u1', 'list deal {"limit":"2"}']);
  });

  it('leaves to the routes: no token, API keys, GET one with a query, any failure, other routes', async () => {
    const s = services();
    const f = await app(s);
    for (const [url, authorization] of [['/api/records/deal/r1', undefined], ['/api/records/deal/r1', 'Bearer loom_abc'], ['/api/records/deal/r1?fields=name', 'Bearer t'],
      ['/api/records/deal/r1/history', 'Bearer t'], ['/api/records/deal/r1', 'Basic x']] as const) {
      expect((await send(f, 'GET', url, authorization ? { authorization } : {})).body).toBe('route');
    }
    expect(s.calls).toEqual([]);
    expect((await send(f, 'GET', '/api/records/nope', JWT)).body).toBe('route');
    for (const fail of ['auth', 'get']) expect((await send(await app(services(fail)), 'GET', '/api/records/deal/r1', JWT)).body).toBe('route');
    expect((await send(f, 'DELETE', '/api/records/deal/r1', JWT)).body).toBe('route');
  });
});

describe('registerHotRoutes: writes', () => {
  it('creates (201, or 200 replayed) and updates, with Location and ETag, If-Match and Idempotency-Key read as the routes do', async () => {
    const s = services();
    const f = await app(s);
    const created = await send(f, 'POST', '/api/records/deal', { ...JWT, 'idempotency-key': 'k-1' }, { name: 'x' });
    expect([created.statusCode, created.json(), created.headers.location, created.headers.etag]).toEqual([201, { id: 'n1', version: 1 }, '/api/records/deal/n1', '"1"']);
    expect((await send(f, 'POST', '/api/records/deal', { ...JWT, 'idempotency-key': 'again' }, {})).statusCode).toBe(200);
    const updated = await send(f, 'PATCH', '/api/records/deal/r1', { ...JWT, 'if-match': 'W/"3"' }, { n: 1 });
    expect([updated.statusCode, updated.json(), updated.headers.etag]).toEqual([200, { id: 'r1', version: 4 }, '"4"']);
    expect(s.calls.filter((c) => !c.startsWith('auth') && !c.startsWith('shares'))).toEqual(['create deal {"name":"x"} k-1', 'create deal {} again', 'update deal r1 {"n":1} 3']);
  });

  it('answers a failure once, as a problem, never through the route (a write must not run twice)', async () => {
    for (const fail of ['auth', 'create']) {
      const s = services(fail);
      const res = await send(await app(s), 'POST', '/api/records/deal', JWT, { name: 'x' });
      expect([res.statusCode, res.body]).toEqual([499, 'problem']);
      expect(s.calls.filter((c) => c.startsWith('create')).length).toBeLessThanOrEqual(1);
      expect(s.calls.at(-1)).toBe(`problem ${fail}`);
    }
    const s = services();
    const f = await app(s);
    expect((await send(f, 'PATCH', '/api/records/deal/r1', { ...JWT, 'if-match': 'soon' }, {})).statusCode).toBe(499);
    expect((await send(f, 'POST', '/api/records/deal', { ...JWT, 'idempotency-key': 'bad key!' }, {})).statusCode).toBe(499);
    expect(s.calls.filter((c) => c.startsWith('create') || c.startsWith('update'))).toEqual([]);
    expect((await send(f, 'POST', '/api/records/deal', { authorization: 'Bearer loom_key' }, {})).body).toBe('route');
  });
});

describe('bearer', () => {
  it('takes a JWT from a Bearer header, never an API key', () => {
    expect(bearer('Bearer abc.def')).toBe('abc.def');
    expect(bearer('bearer   abc')).toBe('abc');
    expect(bearer('Bearer loom_secret')).toBeUndefined();
    expect(bearer('Basic abc')).toBeUndefined();
    expect(bearer(undefined)).toBeUndefined();
  });
});

describe('the routes the hot routes take from NestJS', () => {
  it('have no global guard but the two the hot routes run, and no global pipe or interceptor (add one there, add it to hot-routes.ts)', () => {
    const src = join(fileURLToPath(import.meta.url), '../..');
    const modules = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.module.ts'));
    const guards = modules.flatMap((f) => [...readFileSync(join(src, f), 'utf8').matchAll(/provide: APP_GUARD, use(?:Class|Existing): (\w+)/g)].map((m) => m[1]));
    expect(guards.sort()).toEqual(['AuthGuard', 'LoadSharesGuard']);
    expect(modules.flatMap((f) => readFileSync(join(src, f), 'utf8').match(/APP_INTERCEPTOR|APP_PIPE/g) ?? [])).toEqual([]);
    const controller = readFileSync(join(src, 'records/records.controller.ts'), 'utf8');
    expect(controller).not.toMatch(/@UseGuards|@UseInterceptors|@UsePipes/);
  });
});
