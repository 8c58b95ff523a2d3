import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { bearer, registerHotReads, type HotReadServices } from './hot-reads.js';

const USER = { id: 'u1' };
function services(fail?: string): HotReadServices & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    auth: { authenticate: async (h: string | undefined) => { calls.push(`auth ${h}`); if (fail === 'auth') throw new Error('401'); return USER as never; } },
    shares: { attach: (u) => { calls.push(`shares ${u.id}`); return undefined; } },
    records: {
      objectOrThrow: (o: string) => { if (o === 'nope') throw new Error('404'); return {} as never; },
      getJson: async (_u, object, id) => { calls.push(`get ${object} ${id}`); if (fail === 'get') throw new Error('404'); return { json: `{"id":"${id}"}`, version: 7 }; },
    },
    reader: { listJson: async (_u, object, q) => { calls.push(`list ${object} ${JSON.stringify(q)}`); return '{"data":[]}'; } },
  };
}

/** A Fastify app with the hot reads and routes that answer "route" (what NestJS would answer). */
async function app(s: HotReadServices) {
  const f = Fastify();
  registerHotReads(f, () => s);
  f.get('/api/records/:object', async () => 'route');
  f.get('/api/records/:object/:id', async () => 'route');
  f.get('/api/records/:object/:id/history', async () => 'route');
  await f.ready();
  return f;
}
const get = (f: Awaited<ReturnType<typeof app>>, url: string, authorization?: string) => f.inject({ method: 'GET', url, headers: authorization ? { authorization } : {} });

describe('registerHotReads', () => {
  it('answers GET one and lists from the services, with the ETag and content type of the routes', async () => {
    const s = services();
    const f = await app(s);
    const one = await get(f, '/api/records/deal/r1', 'Bearer t0k');
    expect([one.statusCode, one.body, one.headers.etag, one.headers['content-type']]).toEqual([200, '{"id":"r1"}', '"7"', 'application/json; charset=utf-8']);
    const list = await get(f, '/api/records/deal?limit=2', 'Bearer t0k');
    expect([list.statusCode, list.body]).toEqual([200, '{"data":[]}']);
    expect(s.calls).toEqual(['auth Bearer t0k', 'shares u1', 'get deal r1', 'auth Bearer t0k', 'shares u1', 'list deal {"limit":"2"}']);
  });

  it('leaves to the routes: no token, API keys, GET one with a query, any failure, other routes', async () => {
    const s = services();
    const f = await app(s);
    for (const [url, auth] of [['/api/records/deal/r1', undefined], ['/api/records/deal/r1', 'Bearer loom_abc'], ['/api/records/deal/r1?fields=name', 'Bearer t'],
      ['/api/records/nope', 'Bearer t'], ['/api/records/deal/r1/history', 'Bearer t'], ['/api/records/deal/r1', 'Basic x']] as const) {
      expect((await get(f, url, auth)).body).toBe('route');
    }
    expect(s.calls).toEqual([]);
    for (const fail of ['auth', 'get']) expect((await get(await app(services(fail)), '/api/records/deal/r1', 'Bearer t')).body).toBe('route');
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

describe('the routes the hot reads skip NestJS for', () => {
  it('have no global guard but the two the hot reads run (add a guard there, add it to hot-reads.ts)', () => {
    const src = join(fileURLToPath(import.meta.url), '../..');
    const modules = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.module.ts'));
    const guards = modules.flatMap((f) => [...readFileSync(join(src, f), 'utf8').matchAll(/provide: APP_GUARD, use(?:Class|Existing): (\w+)/g)].map((m) => m[1]));
    expect(guards.sort()).toEqual(['AuthGuard', 'LoadSharesGuard']);
    expect(modules.flatMap((f) => readFileSync(join(src, f), 'utf8').match(/APP_INTERCEPTOR|APP_PIPE/g) ?? [])).toEqual([]);
  });
});
