import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EgressRefused, egressRequest } from './egress-request.js';

// Against a receiver on 127.0.0.1 (allowed explicitly, as LOOM_WEBHOOK_ALLOW_HOSTS would).
let server: Server;
let base: string;
const seen: { path: string; method: string; body: string }[] = [];
const allow = new Set(['127.0.0.1']);

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const path = req.url ?? '';
      seen.push({ path, method: req.method ?? '', body });
      const hop = /^\/hop\/(\d+)$/.exec(path);
      if (hop) return void res.writeHead(307, { location: Number(hop[1]) > 0 ? `/hop/${Number(hop[1]) - 1}` : '/ok' }).end();
      if (path === '/see-other') return void res.writeHead(303, { location: '/ok' }).end();
      if (path === '/to-loopback-name') return void res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/ok` }).end();
      if (path === '/huge') return void res.writeHead(200).end(Buffer.alloc(3 * 1024 * 1024, 120));
      if (path === '/hang') return; // never answers
      res.writeHead(200).end('fine');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

const post = (path: string, extra: Partial<Parameters<typeof egressRequest>[1]> = {}) =>
  egressRequest(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}', allowHosts: allow, ...extra });

describe('egressRequest against a local receiver', () => {
  it('posts the body and returns the answer', async () => {
    const res = await post('/ok');
    expect(res).toMatchObject({ status: 200, truncated: false, redirects: 0 });
    expect(res.body.toString()).toBe('fine');
    expect(seen.at(-1)).toEqual({ path: '/ok', method: 'POST', body: '{"a":1}' });
  });

  it('follows up to 3 redirects (307 keeps method and body) and refuses a fourth', async () => {
    expect(await post('/hop/2')).toMatchObject({ status: 200, redirects: 3 });
    expect(seen.at(-1)).toEqual({ path: '/ok', method: 'POST', body: '{"a":1}' });
    await expect(post('/hop/3')).rejects.toThrow('more than 3 redirects');
  });

  it('turns a 303 into a GET without a body', async () => {
    await post('/see-other');
    expect(seen.at(-1)).toEqual({ path: '/ok', method: 'GET', body: '' });
  });

  it('checks every hop: a redirect to a host that is not allowed and resolves to loopback is refused', async () => {
    const before = seen.length;
    await expect(post('/to-loopback-name')).rejects.toBeInstanceOf(EgressRefused);
    expect(seen.slice(before).map((s) => s.path)).toEqual(['/to-loopback-name']);
  });

  it('keeps at most maxResponseBytes of the answer', async () => {
    const res = await post('/huge', { maxResponseBytes: 1024 * 1024 });
    expect(res.truncated).toBe(true);
    expect(res.body.length).toBe(1024 * 1024);
  });

  it('gives up after the timeout', async () => {
    const started = Date.now();
    await expect(post('/hang', { timeoutMs: 300 })).rejects.toThrow('timed out');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses 127.0.0.1 when it is not in the allow list', async () => {
    const before = seen.length;
    await expect(post('/ok', { allowHosts: new Set() })).rejects.toBeInstanceOf(EgressRefused);
    expect(seen.length).toBe(before);
  });
});
