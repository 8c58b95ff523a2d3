import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import type { TestServer } from '../support/server.js';
import { finished, importFile } from '../import/import-client.js';
import { fixtureDir, hookLog, simpleObject, startWithPlugins, type PluginLoom } from './support/fixture-plugins.js';

// A plugin that hooks `gadget` (logs every after hook into `hook_log`, stamps creates, refuses creates
// titled "bad…", updates of "locked" and deletes of "keep") and leaves `plain` alone — to prove CSV
// imports and their revert go through the one hook runner like bulk writes, and plain imports still work.
const plugins = fixtureDir();
let loom: PluginLoom;
let server: TestServer;
let admin: Client;
let db: PluginLoom['db'];

const server_ = `
import { PluginProblem } from '@loom/plugin-sdk';
const log = (hook) => async (ctx, e) => {
  await ctx.system.records.create('hook_log', { title: hook + ':' + (e.record.title ?? e.record.id) });
};
export default {
  hooks: { gadget: {
    beforeCreate: (ctx, e) => {
      if (String(e.record.title).startsWith('bad')) throw new PluginProblem({ status: 422, detail: 'refused by hooky', errors: [{ path: '/title', message: 'is bad' }] });
      return { stamp: 'stamped' };
    },
    beforeUpdate: (ctx, e) => { if (e.before && e.before.title === 'locked') throw new PluginProblem({ status: 422, detail: 'locked by hooky', errors: [{ path: '/title', message: 'is locked' }] }); },
    beforeDelete: (ctx, e) => { if (e.record.title === 'keep') throw new PluginProblem({ status: 409, detail: 'kept by hooky' }); },
    afterCreate: log('afterCreate'), afterUpdate: log('afterUpdate'), afterDelete: log('afterDelete'),
  } },
};`;

const all = { read: 'all', create: true, update: 'all', delete: 'all' };

beforeAll(async () => {
  plugins.write('hooky', {
    manifest: { name: 'hooky', version: '1.0.0', engine: '*', label: 'hooky', permissions: { objects: ['gadget', 'hook_log', 'plain'] } },
    metadata: {
      ...simpleObject('hook_log'),
      ...simpleObject('plain'),
      ...simpleObject('gadget', { stamp: { type: 'text', label: 'Stamp' }, status: { type: 'text', label: 'Status' } }),
      'roles/admin.json': { kind: 'role', name: 'admin', objects: { gadget: all, hook_log: all, plain: all } },
    },
    server: server_,
  });
  loom = await startWithPlugins(plugins, ['hooky']);
  ({ server, admin, db } = loom);
});

afterAll(() => loom?.stop());

const logLines = (expected: string[]) => hookLog(admin, expected, 300);

/** How many statements inserted these records: one for the multi-row insert, one per row otherwise (xmin/cmin tell). */
const insertStatements = async (object: string, titles: string[]) => (await sql<{ n: number }>(db.url,
  `SELECT count(DISTINCT xmin::text || '/' || cmin::text)::int AS n FROM data.${object} WHERE title = ANY($1)`, [titles]))[0]!.n;
const times = (lines: string[], line: string) => lines.filter((l) => l === line).length;
const gadgets = async (titles: string[]) =>
  (await admin.get(`/api/records/gadget?sort=title&filter=${encodeURIComponent(JSON.stringify({ title: { $in: titles } }))}`)).body.data as { id: string; title: string; stamp: string | null; status: string | null }[];
const rowErrors = (result: { errors: { row: number; errors: { path: string; message: string }[] }[] }) => result.errors.map((e) => ({ row: e.row, path: e.errors[0]!.path, message: e.errors[0]!.message }));

describe('imports run the plugin hooks of the object', () => {
  it('beforeCreate stamps each row and refuses "bad" ones (row errors); afterCreate fires once per created row', async () => {
    const job = await importFile(server.url, admin, 'gadget', 'title,status\ni1,new\ni2,new\nbad-1,new\ni3,new\nbad-2,new\n', 'g.csv');
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ total: 5, created: 3, skipped: 2, dryRun: false });
    expect(rowErrors(job.result)).toEqual([{ row: 4, path: '/title', message: 'is bad' }, { row: 6, path: '/title', message: 'is bad' }]);
    expect((await gadgets(['i1', 'i2', 'i3', 'bad-1', 'bad-2'])).map((g) => [g.title, g.stamp])).toEqual([['i1', 'stamped'], ['i2', 'stamped'], ['i3', 'stamped']]);
    const lines = await logLines(['afterCreate:i1', 'afterCreate:i2', 'afterCreate:i3']);
    for (const t of ['i1', 'i2', 'i3']) expect(times(lines, `afterCreate:${t}`)).toBe(1);
    expect(lines.filter((l) => l.startsWith('afterCreate:bad'))).toEqual([]);
    expect(await insertStatements('gadget', ['i1', 'i2', 'i3'])).toBe(3); // row by row, not the multi-row insert
  });

  it('a dry run reports the refusals but writes nothing and fires no after hooks', async () => {
    const job = await importFile(server.url, admin, 'gadget', 'title\ndry-1\nbad-dry\n', 'dry.csv', { dryRun: 'true' });
    expect(job.result).toMatchObject({ created: 1, skipped: 1, dryRun: true });
    expect(rowErrors(job.result)).toEqual([{ row: 3, path: '/title', message: 'is bad' }]);
    expect(await gadgets(['dry-1'])).toEqual([]);
    const lines = await logLines([]);
    expect(lines.filter((l) => l.includes('dry'))).toEqual([]);
  });

  it('upsert: beforeUpdate may refuse a row; afterUpdate fires for the updated one; revert restores it and fires afterUpdate again', async () => {
    expect((await admin.post('/api/records/gadget', { title: 'locked' })).status).toBe(201);
    const job = await importFile(server.url, admin, 'gadget', 'title,status\ni1,done\nlocked,done\n', 'up.csv', { mode: 'upsert', matchOn: 'title' });
    expect(job.result).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect(rowErrors(job.result)).toEqual([{ row: 3, path: '/title', message: 'is locked' }]);
    expect(times(await logLines(['afterUpdate:i1']), 'afterUpdate:i1')).toBe(1);
    const revert = await admin.post(`/api/imports/${job.job}/revert`);
    expect(revert.status).toBe(202);
    expect((await finished(admin, revert.body.job)).result).toEqual({ deleted: 0, restored: 1, conflicts: [] });
    expect((await gadgets(['i1']))[0]!.status).toBe('new');
    const lines = await logLines([]);
    expect(times(lines, 'afterUpdate:i1')).toBe(2);
  });

  it('revert: beforeDelete may keep a row (listed in conflicts); afterDelete fires for the deleted ones', async () => {
    const job = await importFile(server.url, admin, 'gadget', 'title\nr1\nkeep\n', 'r.csv');
    expect(job.result).toMatchObject({ created: 2 });
    const revert = await admin.post(`/api/imports/${job.job}/revert`);
    const result = (await finished(admin, revert.body.job)).result;
    expect(result).toMatchObject({ deleted: 1, restored: 0, conflicts: [{ row: 3 }] });
    expect(result.conflicts[0].reason).toContain('kept by hooky');
    expect((await gadgets(['r1', 'keep'])).map((g) => g.title)).toEqual(['keep']);
    const lines = await logLines(['afterDelete:r1']);
    expect(times(lines, 'afterDelete:r1')).toBe(1);
    expect(lines).not.toContain('afterDelete:keep');
  });

  it('an object no plugin hooks imports as before, firing nothing', async () => {
    const before = (await logLines([])).length;
    const job = await importFile(server.url, admin, 'plain', 'title\np1\nbad-p\n', 'p.csv');
    expect(job.result).toMatchObject({ total: 2, created: 2, skipped: 0, errors: [] });
    const res = await admin.get('/api/records/plain?sort=title');
    expect(res.body.data.map((r: { title: string }) => r.title)).toEqual(['bad-p', 'p1']);
    expect((await logLines([])).length).toBe(before);
    expect(await insertStatements('plain', ['p1', 'bad-p'])).toBe(1); // still the multi-row insert
  });
});
