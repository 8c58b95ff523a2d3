import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  path: string;
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A local HTTP receiver on 127.0.0.1 for webhook specs. Paths: /ok → 200; /flaky → 500 twice, then 200;
 * /redirect-private → 302 to 10.0.0.1 (the sender must refuse it without connecting); /redirect-ok → 307
 * to /ok; /big → 200 with 2 MiB; /slow → answers after `slowMs`.
 */
export async function startReceiver(options: { slowMs?: number } = {}) {
  const settings = { slowMs: options.slowMs ?? 60_000 };
  const deliveries: Delivery[] = [];
  let flaky = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      deliveries.push({ path, method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (path === '/flaky' && flaky++ < 2) return void res.writeHead(500).end('try later');
      if (path === '/redirect-private') return void res.writeHead(302, { location: 'http://10.0.0.1/internal' }).end();
      if (path === '/redirect-ok') return void res.writeHead(307, { location: '/ok' }).end();
      if (path === '/big') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(2 * 1024 * 1024, 97));
      if (path === '/slow') return void setTimeout(() => { if (!res.destroyed) res.writeHead(200).end('late'); }, settings.slowMs);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    deliveries,
    /** How long /slow waits before answering, from now on. */
    setSlow: (ms: number) => { settings.slowMs = ms; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
