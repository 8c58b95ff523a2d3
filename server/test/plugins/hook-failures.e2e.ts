import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { createTestDatabase, startTestServer, type TestServer } from '../support/server.js';
import { fixtureDir, simpleObject } from './support/fixture-plugins.js';

const plugins = fixtureDir();
const env = { LOOM_PLUGINS_DIR: plugins.dir, LOOM_BUILTIN_PLUGINS: 'false', LOOM_PLUGIN_HOOK_TIMEOUT_MS: '400', LOOM_PLUGIN_FAILURE_LIMIT: '5' };
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let server: TestServer;
let admin: Client;

const manifest = (name: string, objects: string[]) => ({ name, version: '1.0.0', engine: '*', label: name, permissions: { objects } });

beforeAll(async () => {
  plugins.write('hooky', {
    manifest: manifest('hooky', ['gadget']),
    metadata: simpleObject('gadget'),
    server: `export default {
      hooks: { gadget: {
        beforeCreate: (ctx, e) => {
          if (e.record.title === 'crash') throw new Error('hooky exploded');
          if (e.record.title === 'hang') return new Promise(() => {});
        },
        afterUpdate: () => { throw new Error('after hooks are only logged'); },
      } },
    };`,
  });
  plugins.write('steady', { manifest: manifest('steady', ['widget']), metadata: simpleObject('widget'), server: `export default { routes: [{ method: 'GET', path: '/ping', handler: async () => ({ pong: true }) }] };` });
  db = await createTestDatabase();
  server = await startTestServer({ env, database: db });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  for (const name of ['hooky', 'steady']) {
    expect((await admin.post(`/api/plugins/${name}/install`)).status).toBe(200);
    expect((await admin.post(`/api/plugins/${name}/enable`)).status).toBe(200);
  }
});

afterAll(async () => {
  await server?.stop({ keepData: true });
  await db?.drop();
  plugins.remove();
});

const pluginState = async (c: Client, name: string) => (await c.get('/api/plugins')).body.find((p: { name: string }) => p.name === name);

describe('a broken plugin degrades, never blocks', () => {
  it('a throwing before hook fails closed with 503 naming the plugin; the server keeps serving', async () => {
    const p = expectProblem(await admin.post('/api/records/gadget', { title: 'crash' }), 503);
    expect(p).toMatchObject({ plugin: 'hooky' });
    expect(p.detail).toContain('hooky exploded');
    expect((await admin.post('/api/records/gadget', { title: 'fine' })).status).toBe(201);
    expect((await admin.get('/api/plugins/steady/ping')).body).toEqual({ pong: true });
  });

  it('a hanging before hook answers 503 after the timeout', async () => {
    const started = Date.now();
    const p = expectProblem(await admin.post('/api/records/gadget', { title: 'hang' }), 503);
    expect(p.detail).toContain('did not answer within 400 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a failing after hook is logged, never sent to the caller', async () => {
    const created = await admin.post('/api/records/gadget', { title: 'to update' });
    expect((await admin.patch(`/api/records/gadget/${created.body.id}`, { title: 'updated' })).status).toBe(200);
  });

  it('after repeated failures in a row the plugin is marked failed, in /api/plugins and /api/health; its hooks stop', async () => {
    for (let i = 0; i < 5; i++) await admin.post('/api/records/gadget', { title: i % 2 ? 'hang' : 'crash' });
    let s = await pluginState(admin, 'hooky');
    for (let i = 0; i < 20 && s.state !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      s = await pluginState(admin, 'hooky');
    }
    expect(s.state).toBe('failed');
    expect(s.error).toContain('5 failures in a row');
    const health = await admin.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.plugins).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'hooky', state: 'failed' }), { name: 'steady', state: 'enabled' }]));
    expect((await admin.post('/api/records/gadget', { title: 'crash' })).status).toBe(201);
    expect((await pluginState(admin, 'steady')).state).toBe('enabled');
  });

  it('a plugin whose code fails to load at start is failed with its error; the rest start', async () => {
    await admin.post('/api/plugins/hooky/enable');
    writeFileSync(join(plugins.dir, 'hooky', 'server.mjs'), `throw new Error('cannot load hooky');`);
    await server.stop({ keepData: true });
    server = await startTestServer({ env, database: db, dataDir: server.dataDir });
    const again = await login(server.url, server.adminEmail, server.adminPassword);
    const s = await pluginState(again, 'hooky');
    expect(s.state).toBe('failed');
    expect(s.error).toContain('cannot load hooky');
    expect((await again.get('/api/plugins/steady/ping')).body).toEqual({ pong: true });
    expect((await again.post('/api/records/gadget', { title: 'served' })).status).toBe(201);
  });
});
