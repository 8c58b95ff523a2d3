import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { fixtureDir, hookLog, simpleObject, startWithPlugins, type PluginLoom } from './support/fixture-plugins.js';

// One plugin that logs every hook it hears into `hook_log` (as its system actor), stamps creates,
// refuses updates to "locked" and deletes of "keep" — to prove bulk, merge and approvals go through the one hook runner.
const plugins = fixtureDir();
let loom: PluginLoom;
let admin: Client;

const server_ = `
import { PluginProblem } from '@loom/plugin-sdk';
const log = (hook) => async (ctx, e) => {
  await ctx.system.records.create('hook_log', { title: hook + ':' + (e.record.title ?? e.record.id) + (e.decision ? ':' + e.process + ':' + e.decision : '') });
};
export default {
  hooks: { gadget: {
    beforeCreate: (ctx, e) => ({ stamp: 'stamped' }),
    beforeUpdate: (ctx, e) => { if (e.before && e.before.title === 'locked') throw new PluginProblem({ status: 422, detail: 'locked by hooky', errors: [{ path: '/title', message: 'is locked' }] }); },
    beforeDelete: (ctx, e) => { if (e.record.title === 'keep') throw new PluginProblem({ status: 409, detail: 'kept by hooky' }); },
    afterCreate: log('afterCreate'), afterUpdate: log('afterUpdate'), afterDelete: log('afterDelete'), approvalDecided: log('approvalDecided'),
  } },
};`;

beforeAll(async () => {
  plugins.write('hooky', {
    manifest: { name: 'hooky', version: '1.0.0', engine: '*', label: 'hooky', permissions: { objects: ['gadget', 'hook_log'] } },
    metadata: {
      ...simpleObject('hook_log'),
      ...simpleObject('gadget', { stamp: { type: 'text', label: 'Stamp' }, status: { type: 'text', label: 'Status' } }),
      'roles/admin.json': { kind: 'role', name: 'admin', objects: { gadget: { read: 'all', create: true, update: 'all', delete: 'all' }, hook_log: { read: 'all', create: true, update: 'all', delete: 'all' } } },
      'approvals/gadget_check.json': { kind: 'approval', name: 'gadget_check', label: 'Check', object: 'gadget', steps: [{ name: 'admin', approvers: { role: 'admin' } }], onApproved: { set: { status: 'approved' } } },
    },
    server: server_,
  });
  loom = await startWithPlugins(plugins, ['hooky']);
  ({ admin } = loom);
});

afterAll(() => loom?.stop());

const logLines = (expected: string[]) => hookLog(admin, expected);

const titles = async (filter: object) => (await admin.get(`/api/records/gadget?filter=${encodeURIComponent(JSON.stringify(filter))}`)).body.data as { id: string; title: string; stamp: string | null }[];

describe('bulk writes run the same hooks as single writes', () => {
  it('bulk create: beforeCreate stamps every row, afterCreate fires per row after commit', async () => {
    const res = await admin.post('/api/records/gadget/bulk', { create: [{ title: 'b1' }, { title: 'b2' }] });
    expect(res.body).toMatchObject({ matched: 2, changed: 2, errors: [] });
    expect((await titles({ title: { $in: ['b1', 'b2'] } })).map((r) => r.stamp)).toEqual(['stamped', 'stamped']);
    expect(await logLines(['afterCreate:b1', 'afterCreate:b2'])).toEqual(expect.arrayContaining(['afterCreate:b1', 'afterCreate:b2']));
  });

  it('a dry run fires no after hooks', async () => {
    const res = await admin.post('/api/records/gadget/bulk?dryRun=true', { create: [{ title: 'dry' }] });
    expect(res.body).toMatchObject({ changed: 1 });
    await new Promise((r) => setTimeout(r, 500));
    expect(await logLines([])).not.toContain('afterCreate:dry');
  });

  it('bulk update: a plugin refusing one row makes it a row error (partial) and the others fire afterUpdate', async () => {
    await admin.post('/api/records/gadget/bulk', { create: [{ title: 'u1' }, { title: 'locked' }] });
    const res = await admin.post('/api/records/gadget/bulk', { update: { filter: { title: { $in: ['u1', 'locked'] } }, set: { status: 'done' } }, partial: true });
    expect(res.body.changed).toBe(1);
    expect(res.body.errors).toMatchObject([{ status: 422, errors: [{ path: '/title', message: 'is locked' }] }]);
    const lines = await logLines(['afterUpdate:u1']);
    expect(lines).toContain('afterUpdate:u1');
    expect(lines).not.toContain('afterUpdate:locked');
  });

  it('bulk delete: beforeDelete may refuse (all-or-nothing → nothing deleted), else afterDelete fires per row', async () => {
    await admin.post('/api/records/gadget/bulk', { create: [{ title: 'd1' }, { title: 'keep' }] });
    const refused = await admin.post('/api/records/gadget/bulk', { delete: { filter: { title: { $in: ['d1', 'keep'] } } } });
    expect(refused.status).toBe(422);
    expect(await titles({ title: 'd1' })).toHaveLength(1);
    const res = await admin.post('/api/records/gadget/bulk', { delete: { filter: { title: 'd1' } } });
    expect(res.body).toMatchObject({ changed: 1 });
    expect(await logLines(['afterDelete:d1'])).toContain('afterDelete:d1');
  });
});

describe('merge runs update hooks for the survivor and delete hooks for the merged', () => {
  it('fires beforeDelete (may refuse) and afterUpdate + afterDelete after commit', async () => {
    const [keep, dup, held] = await Promise.all(['m-survivor', 'm-dup', 'keep'].map(async (title) => (await admin.post('/api/records/gadget', { title })).body));
    const refused = await admin.post('/api/records/gadget/merge', { survivor: keep.id, others: [held.id] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ plugin: 'hooky' });
    const res = await admin.post('/api/records/gadget/merge', { survivor: keep.id, others: [dup.id], values: { status: 'merged' } });
    expect(res.status).toBe(200);
    const lines = await logLines(['afterUpdate:m-survivor', 'afterDelete:m-dup']);
    expect(lines).toEqual(expect.arrayContaining(['afterUpdate:m-survivor', 'afterDelete:m-dup']));
  });
});

describe('approvalDecided reaches the plugin', () => {
  it('after an approve, with the process and decision, once the outcome was applied (its write fires afterUpdate)', async () => {
    const rec = (await admin.post('/api/records/gadget', { title: 'to-approve' })).body;
    const submitted = await admin.post('/api/approvals', { object: 'gadget', recordId: rec.id, process: 'gadget_check' });
    expect(submitted.status).toBe(201);
    const approved = await admin.post(`/api/approvals/${submitted.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    const lines = await logLines(['approvalDecided:to-approve:gadget_check:approved', 'afterUpdate:to-approve']);
    expect(lines).toEqual(expect.arrayContaining(['approvalDecided:to-approve:gadget_check:approved', 'afterUpdate:to-approve']));
  });

  it('after a reject', async () => {
    const rec = (await admin.post('/api/records/gadget', { title: 'to-reject' })).body;
    const submitted = await admin.post('/api/approvals', { object: 'gadget', recordId: rec.id, process: 'gadget_check' });
    await admin.post(`/api/approvals/${submitted.body.id}/reject`, { comment: 'no' });
    const lines = await logLines(['approvalDecided:to-reject:gadget_check:rejected']);
    expect(lines).toContain('approvalDecided:to-reject:gadget_check:rejected');
    expect(lines).not.toContain('afterUpdate:to-reject'); // gadget_check sets nothing on rejection
  });
});
