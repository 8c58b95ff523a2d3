import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_JOBS, putAutomation, runs, waitFor } from '../automation/support/loom.js';
import type { Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { fixtureDir, hookLog, simpleObject, startWithPlugins, type PluginLoom } from './support/fixture-plugins.js';

// Automation record writes (updateRecord / createRecord actions) go through the one hook runner like
// API writes: `before*` may patch or refuse the action's write, `after*` fire after its commit. A
// plugin that writes back from an after hook stays under the automation loop guard (DESIGN.md §2).
const plugins = fixtureDir();
let loom: PluginLoom;
let admin: Client;
let db: PluginLoom['db'];

const server_ = `
import { PluginProblem } from '@loom/plugin-sdk';
const log = (hook) => async (ctx, e) => {
  await ctx.system.records.create('hook_log', { title: hook + ':' + e.record.title + ':' + (e.record.note ?? '') + ':' + (e.record.stamp ?? '') });
};
export default {
  hooks: { gadget: {
    beforeCreate: () => ({ stamp: 'stamped' }),
    beforeUpdate: (ctx, e) => {
      if (e.changes.note === 'refuse') throw new PluginProblem({ status: 422, detail: 'refused by autohook', errors: [{ path: '/note', message: 'no' }] });
      if ('note' in e.changes) return { stamp: 'upd ' + e.changes.note };
    },
    afterCreate: log('afterCreate'),
    afterUpdate: async (ctx, e) => {
      if (String(e.record.title).startsWith('loop')) {
        if ('ping' in e.changes) await ctx.system.records.update('gadget', e.record.id, { pong: e.changes.ping + '+' });
        return;
      }
      await log('afterUpdate')(ctx, e);
    },
  } },
};`;

beforeAll(async () => {
  plugins.write('autohook', {
    manifest: { name: 'autohook', version: '1.0.0', engine: '*', label: 'autohook', permissions: { objects: ['gadget', 'hook_log'] } },
    metadata: {
      ...simpleObject('hook_log'),
      ...simpleObject('gadget', Object.fromEntries(['stamp', 'status', 'note', 'ping', 'pong'].map((f) => [f, { type: 'text', label: f, maxLength: 200 }]))),
      'roles/admin.json': { kind: 'role', name: 'admin', objects: Object.fromEntries(['gadget', 'hook_log'].map((o) => [o, { read: 'all', create: true, update: 'all', delete: 'all' }])) },
    },
    server: server_,
  });
  loom = await startWithPlugins(plugins, ['autohook'], FAST_JOBS);
  ({ admin, db } = loom);
  const when = (status: string) => ({ object: 'gadget', event: 'updated', fields: ['status'], where: { status } });
  await putAutomation(admin, { name: 'annotate', trigger: when('annotate'), actions: [{ type: 'updateRecord', values: { note: 'auto {{record.title}}' } }] });
  await putAutomation(admin, { name: 'spawn', trigger: when('spawn'), actions: [{ type: 'createRecord', object: 'gadget', values: { title: 'child of {{record.title}}' } }] });
  await putAutomation(admin, { name: 'refuser', trigger: when('refuse'), actions: [{ type: 'updateRecord', values: { note: 'refuse' } }] });
  await putAutomation(admin, {
    name: 'ping', trigger: { object: 'gadget', event: 'updated', fields: ['pong'], where: { title: { $startsWith: 'loop' } } },
    actions: [{ type: 'updateRecord', values: { ping: '{{record.pong}}' } }],
  });
});

afterAll(() => loom?.stop());

const gadget = async (title: string) => (await admin.post('/api/records/gadget', { title })).body as { id: string; title: string };
const logLines = async (): Promise<string[]> => ((await admin.get('/api/records/hook_log?limit=500')).body.data as { title: string }[]).map((r) => r.title);
const logged = (line: string) => waitFor(async () => (await logLines()).includes(line), 20_000, line);

describe('automation writes run plugin hooks', () => {
  it('updateRecord: beforeUpdate patches the write, afterUpdate sees the record as committed', async () => {
    const g = await gadget('a1');
    await admin.patch(`/api/records/gadget/${g.id}`, { status: 'annotate' });
    const run = await waitFor(async () => (await runs(admin, 'annotate', 'ok')).find((r) => r.recordId === g.id), 20_000, 'annotate run');
    expect(run.actions[0]).toMatchObject({ type: 'updateRecord', status: 'ok', changed: expect.arrayContaining(['note', 'stamp']) });
    expect((await admin.get(`/api/records/gadget/${g.id}`)).body).toMatchObject({ note: 'auto a1', stamp: 'upd auto a1' });
    await logged('afterUpdate:a1:auto a1:upd auto a1');
  });

  it('createRecord: beforeCreate stamps the new record, afterCreate fires for it', async () => {
    const g = await gadget('parent');
    await admin.patch(`/api/records/gadget/${g.id}`, { status: 'spawn' });
    const run = await waitFor(async () => (await runs(admin, 'spawn', 'ok')).find((r) => r.recordId === g.id), 20_000, 'spawn run');
    expect((await admin.get(`/api/records/gadget/${run.actions[0].recordId}`)).body).toMatchObject({ title: 'child of parent', stamp: 'stamped' });
    await logged('afterCreate:child of parent::stamped');
  });

  it("a plugin's problem fails the action: nothing written, no afterUpdate", async () => {
    const g = await gadget('r1');
    await admin.patch(`/api/records/gadget/${g.id}`, { status: 'refuse' });
    const run = await waitFor(async () => (await runs(admin, 'refuser', 'failed')).find((r) => r.recordId === g.id), 20_000, 'refuser run');
    expect(run.error).toMatch(/refused by autohook/);
    expect((await admin.get(`/api/records/gadget/${g.id}`)).body.note ?? null).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect((await logLines()).filter((l) => l.startsWith('afterUpdate:r1:refuse'))).toEqual([]);
  });
});

describe('a plugin writing back from an after hook stays under the loop guard', () => {
  it('its writes carry the automation depth, so automation → plugin → automation stops at depth 5', async () => {
    const g = await gadget('loop ping');
    await admin.patch(`/api/records/gadget/${g.id}`, { pong: 'p' });
    const loop = await waitFor(async () => (await runs(admin, 'ping', 'loop')).find((r) => r.recordId === g.id), 30_000, 'loop run');
    expect(loop).toMatchObject({ depth: 5, actions: [] });
    expect((await runs(admin, 'ping', 'ok')).filter((r) => r.recordId === g.id)).toHaveLength(5);
    expect((await admin.get(`/api/records/gadget/${g.id}`)).body).toMatchObject({ ping: 'p++++', pong: 'p+++++' });
    // each plugin write (pong) carries the depth of the automation write (ping) whose hook made it
    const events = await sql<{ ping?: unknown; pong?: unknown; depth: number }>(db.url,
      `SELECT payload->'changes'->'ping' AS ping, payload->'changes'->'pong' AS pong, depth FROM core.outbox WHERE record_id = $1 AND type = 'record.updated' ORDER BY id`, [g.id]);
    expect(events.map((e) => `${e.ping ? 'ping' : 'pong'}@${e.depth}`)).toEqual(['pong@0', 'ping@1', 'pong@1', 'ping@2', 'pong@2', 'ping@3', 'pong@3', 'ping@4', 'pong@4', 'ping@5', 'pong@5']);
  });
});
