import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { fixtureDir, simpleObject } from './support/fixture-plugins.js';

const notesServer = (version: string) => `
import { definePlugin, PluginProblem } from '@loom/plugin-sdk';
export default definePlugin({
  install: async (ctx) => { await ctx.system.records.create('note_card', { title: 'Welcome' }); },
  upgrade: async (ctx, from) => { await ctx.system.records.create('note_card', { title: 'upgraded from ' + from + ' to ${version}' }); },
  hooks: {
    note_card: {
      beforeCreate: (ctx, e) => {
        if (e.record.title === 'reject') throw new PluginProblem({ status: 422, detail: 'No rejects', errors: [{ path: '/title', message: 'is rejected by notes' }] });
        return { title: '[n] ' + e.record.title };
      },
    },
  },
  routes: [
    { method: 'GET', path: '/count', handler: async (ctx) => ({ count: (await ctx.records.list('note_card', { limit: 500 })).length, version: '${version}' }) },
    { method: 'GET', path: '/opportunities', handler: async (ctx) => ctx.records.list('opportunity') },
  ],
});`;

const plugins = fixtureDir();
let server: TestServer;
let admin: Client;

function writeNotes(version: string, extraFields: Record<string, unknown> = {}) {
  plugins.write('notes', {
    manifest: { name: 'notes', version, engine: '>=0.1.0', label: { en: 'Notes', 'zh-CN': '便签' }, permissions: { objects: ['note_card'] } },
    metadata: simpleObject('note_card', extraFields),
    server: notesServer(version),
  });
}

beforeAll(async () => {
  writeNotes('1.0.0');
  plugins.write('needs_ghost', { manifest: { name: 'needs_ghost', version: '1.0.0', engine: '*', label: 'Needs ghost', dependsOn: { ghost: '^1.0.0' } } });
  plugins.write('needs_new_notes', { manifest: { name: 'needs_new_notes', version: '1.0.0', engine: '*', label: 'Needs notes 2', dependsOn: { notes: '^2.0.0' } } });
  plugins.write('needs_notes', { manifest: { name: 'needs_notes', version: '1.0.0', engine: '*', label: 'Needs notes', dependsOn: { notes: '^1.0.0' } } });
  plugins.write('future', { manifest: { name: 'future', version: '1.0.0', engine: '^9.0.0', label: 'Future' } });
  server = await startTestServer({ env: { LOOM_PLUGINS_DIR: plugins.dir, LOOM_BUILTIN_PLUGINS: 'false' } });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
});

afterAll(async () => {
  await server?.stop();
  plugins.remove();
});

const state = async (name: string) => (await admin.get('/api/plugins')).body.find((p: { name: string }) => p.name === name);

describe('plugin lifecycle', () => {
  it('lists discovered plugins as available', async () => {
    const res = await admin.get('/api/plugins');
    expect(res.status).toBe(200);
    expect(res.body.map((p: { name: string; state: string }) => [p.name, p.state])).toEqual([
      ['future', 'available'], ['needs_ghost', 'available'], ['needs_new_notes', 'available'], ['needs_notes', 'available'], ['notes', 'available'],
    ]);
  });

  it('install publishes the plugin metadata as a layer and runs the install hook', async () => {
    const res = await admin.post('/api/plugins/notes/install');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('installed');
    expect((await state('notes')).defines).toEqual(['note_card']); // its own objects, for the web to hide while it is not enabled
    expect((await state('needs_notes')).defines).toEqual([]);
    expect(res.body.plan.changes.map((c: { kind: string }) => c.kind)).toContain('createTable');
    const records = await admin.get('/api/records/note_card');
    expect(records.body.data.map((r: { title: string }) => r.title)).toEqual(['Welcome']);
    expectProblem(await admin.post('/api/plugins/notes/install'), 409);
  });

  it('routes and hooks are off until enabled', async () => {
    expectProblem(await admin.get('/api/plugins/notes/count'), 404);
    expect((await admin.post('/api/records/note_card', { title: 'reject' })).status).toBe(201);
    const res = await admin.post('/api/plugins/notes/enable');
    expect(res.status).toBe(200);
    expect(res.body.state).toBe('enabled');
    expect((await admin.get('/api/plugins/notes/count')).body).toEqual({ count: 2, version: '1.0.0' });
  });

  it('runs before hooks: new values, or a problem that rejects the write', async () => {
    const created = await admin.post('/api/records/note_card', { title: 'tagged' });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe('[n] tagged');
    const p = expectProblem(await admin.post('/api/records/note_card', { title: 'reject' }), 422);
    expect(p.errors).toEqual([{ path: '/title', message: 'is rejected by notes' }]);
    expect((p as Record<string, unknown>).plugin).toBe('notes');
  });

  it('refuses a plugin touching an object it did not declare, with a coded error', async () => {
    const p = expectProblem(await admin.get('/api/plugins/notes/opportunities'), 403);
    expect(p).toMatchObject({ code: 'plugin_object_not_declared', plugin: 'notes' });
  });

  it('refuses a missing or incompatible dependency and an engine out of range, naming which', async () => {
    const ghost = expectProblem(await admin.post('/api/plugins/needs_ghost/install'), 422);
    expect(ghost.detail).toContain('dependency ghost ^1.0.0 is missing');
    expect(ghost).toMatchObject({ code: 'plugin_dependency' });
    const newer = expectProblem(await admin.post('/api/plugins/needs_new_notes/install'), 422);
    expect(newer.detail).toContain('dependency notes is 1.0.0, which does not satisfy "^2.0.0"');
    const future = expectProblem(await admin.post('/api/plugins/future/install'), 422);
    expect(future).toMatchObject({ code: 'plugin_engine_incompatible' });
    expect((await state('needs_ghost')).state).toBe('available');
  });

  it('keeps a dependent disabled until its dependency is enabled, and a dependency enabled while a dependent is', async () => {
    expect((await admin.post('/api/plugins/needs_notes/install')).status).toBe(200);
    expect((await admin.post('/api/plugins/notes/disable')).status).toBe(200);
    const refused = expectProblem(await admin.post('/api/plugins/needs_notes/enable'), 422);
    expect(refused.detail).toContain('dependency notes');
    expect((await admin.post('/api/plugins/notes/enable')).status).toBe(200);
    expect((await admin.post('/api/plugins/needs_notes/enable')).status).toBe(200);
    const blocked = expectProblem(await admin.post('/api/plugins/notes/disable'), 409);
    expect(blocked.detail).toContain('needs_notes');
    expect((await admin.post('/api/plugins/needs_notes/disable')).status).toBe(200);
    expect((await admin.post('/api/plugins/needs_notes/uninstall')).status).toBe(200);
  });

  it('disable turns hooks and routes off and keeps the data', async () => {
    expect((await admin.post('/api/plugins/notes/disable')).body.state).toBe('disabled');
    expectProblem(await admin.get('/api/plugins/notes/count'), 404);
    expect((await admin.post('/api/records/note_card', { title: 'kept' })).body.title).toBe('kept');
    expect((await admin.get('/api/records/note_card?count=true')).body.total).toBe(4);
    expect(await state('notes')).toMatchObject({ state: 'disabled', defines: ['note_card'] });
    expect((await admin.post('/api/plugins/notes/enable')).status).toBe(200);
  });

  it('upgrade applies the metadata diff and runs upgrade(from)', async () => {
    expectProblem(await admin.post('/api/plugins/notes/upgrade'), 409);
    writeNotes('1.1.0', { priority: { type: 'integer', label: 'Priority', min: 0 } });
    const res = await admin.post('/api/plugins/notes/upgrade');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: '1.1.0', from: '1.0.0', state: 'enabled' });
    expect(res.body.plan.changes.map((c: { kind: string; path: string }) => [c.kind, c.path])).toEqual([['addColumn', '/objects/note_card/fields/priority']]);
    expect((await admin.post('/api/records/note_card', { title: 'p', priority: 2 })).status).toBe(201);
    const titles = (await admin.get('/api/records/note_card?limit=50')).body.data.map((r: { title: string }) => r.title);
    expect(titles).toContain('[n] upgraded from 1.0.0 to 1.1.0');
    expect((await admin.get('/api/plugins/notes/count')).body.version).toBe('1.1.0');
  });

  it('uninstall ?dryRun=true lists what would be dropped and changes nothing; ?purge=true drops it', async () => {
    const dry = await admin.post('/api/plugins/notes/uninstall?dryRun=true');
    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(dry.body.drops.map((d: { path: string }) => d.path)).toContain('/objects/note_card');
    expect((await state('notes')).state).toBe('enabled');
    expect((await admin.get('/api/records/note_card')).status).toBe(200);

    const purge = await admin.post('/api/plugins/notes/uninstall?purge=true');
    expect(purge.status).toBe(200);
    expect(purge.body).toMatchObject({ state: 'available', purged: true });
    expectProblem(await admin.get('/api/records/note_card'), 404);
    const [t] = await sql(server.database!.url, `SELECT to_regclass('data.note_card') AS t`);
    expect(t.t).toBeNull();
  });

  it('lifecycle actions are admin-only', async () => {
    await admin.post('/api/users', { email: 'rep@loom.test', name: 'Rep', password: 'rep-password-1', roles: ['sales_rep'] });
    const rep = await login(server.url, 'rep@loom.test', 'rep-password-1');
    expectProblem(await rep.post('/api/plugins/notes/install'), 403);
    expect((await rep.get('/api/plugins')).status).toBe(200);
  });
});
