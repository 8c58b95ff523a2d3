import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { lazyChildLogger } from './lazy-child-logger.js';

/** A Fastify app logging JSON lines at `level` through the lazy child loggers, counting the children made. */
async function app(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  let children = 0;
  const fastify = Fastify({
    logger: { level, stream }, disableRequestLogging: true,
    childLoggerFactory(logger, bindings, opts) {
      const child = logger.child.bind(logger);
      return lazyChildLogger.call(this, Object.assign(Object.create(logger), { child: (...a: Parameters<typeof child>) => { children++; return child(...a); } }), bindings, opts);
    },
  });
  fastify.get('/quiet', async (request) => { request.log.info('not at warn'); request.log.debug('nor this'); return { level: request.log.level }; });
  fastify.get('/loud', async (request) => { request.log.warn({ n: 1 }, 'first'); request.log.error('second'); return {}; });
  fastify.get('/own', { logLevel: 'debug' }, async (request) => { request.log.debug('shown'); return {}; });
  await fastify.ready();
  return { fastify, lines, children: () => children };
}

describe('lazyChildLogger', () => {
  it('makes no child logger for a request that logs nothing its level lets through', async () => {
    const a = await app('warn');
    const res = await a.fastify.inject({ method: 'GET', url: '/quiet' });
    expect(res.json()).toEqual({ level: 'warn' });
    expect(a.children()).toBe(0);
    expect(a.lines).toEqual([]);
  });

  it('logs through one child carrying the request id once something is logged', async () => {
    const a = await app('warn');
    await a.fastify.inject({ method: 'GET', url: '/loud' });
    expect(a.children()).toBe(1);
    expect(a.lines.map((l) => [l.msg, l.n])).toEqual([['first', 1], ['second', undefined]]);
    expect(a.lines.every((l) => typeof l.reqId === 'string' && l.reqId === a.lines[0].reqId)).toBe(true);
  });

  it('gives a route with its own log level its child at once', async () => {
    const a = await app('warn');
    await a.fastify.inject({ method: 'GET', url: '/own' });
    expect(a.children()).toBe(1);
    expect(a.lines.map((l) => l.msg)).toEqual(['shown']);
  });

  it('works with logging off (LOG_LEVEL=silent: not a pino logger)', async () => {
    const fastify = Fastify({ logger: false, childLoggerFactory: lazyChildLogger });
    fastify.get('/x', async (request) => { request.log.error('dropped'); return { ok: true }; });
    expect((await fastify.inject({ method: 'GET', url: '/x' })).json()).toEqual({ ok: true });
  });
});
