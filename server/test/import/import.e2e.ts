import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { finished, importFile, upload } from './import-client.js';

// Contacts from a CSV with good, bad and duplicate rows: a dry run changes nothing, the import
// creates exactly the good rows (normalized by the one validator), the revert removes them.
let server: TestServer;
let admin: Client;
let rep: Client;
const id: Record<string, string> = {};
const count = async (object: string) => (await admin.get(`/api/records/${object}?limit=1&count=true`)).body.total as number;

const CSV = [
  '姓名,邮箱,Mobile,客户类型,Birthday,Account,Shoe size',
  '王伟, WANG.WEI@Example.CN ,13800138000,忠诚客户,1990/5/6,East Corp,42',
  'Li Na,li.na@example.cn,+86 139 0013 9000,Potential,,,',
  ',nobody@example.cn,,,,,',
  'Zhang San,not-an-email,,,,,',
  'Chen Jing,chen@example.cn,,gold,,,',
  'Zhao Lei,zhao@example.cn,,,2026-13-01,,',
  'Wang Wei again,wang.wei@example.cn,,,,,',
  'Existing Person,EXISTING@example.cn,,,,,',
  'Acc Missing,acc@example.cn,,,,Nowhere Inc,',
].join('\n');

beforeAll(async () => {
  server = await startTestServer({ embedded: false, env: { LOOM_IMPORT_BODY_LIMIT: '262144' } });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const team = (await admin.post('/api/teams', { name: 'East' })).body.id;
  id.rep = (await admin.post('/api/users', { email: 'rep@loom.test', name: 'Rep', password: 'rep-password-1', roles: ['sales_rep'], team })).body.id;
  rep = await login(server.url, 'rep@loom.test', 'rep-password-1');
  id.east = (await admin.post('/api/records/account', { name: 'East Corp' })).body.id;
  id.existing = (await admin.post('/api/records/contact', { name: 'Existing Person', email: 'existing@example.cn', title: 'Buyer' })).body.id;
});
afterAll(() => server?.stop());

describe('import contacts from CSV', () => {
  const expectedErrors = [
    { row: 4, path: '/name' }, { row: 5, path: '/email' }, { row: 6, path: '/customer_type' }, { row: 7, path: '/birthday' }, { row: 10, path: '/account' },
  ];
  const duplicates = () => [{ row: 8, sameAsRow: 2, match: ['email'] }, { row: 9, record: id.existing, match: ['email'] }];
  const summary = (result: any) => ({ ...result, errors: result.errors.map((e: any) => ({ row: e.row, path: e.errors[0].path })) });

  it('a dry run reports good, bad and duplicate rows and changes nothing', async () => {
    const before = await count('contact');
    const job = await importFile(server.url, admin, 'contact', CSV, 'contacts.csv', { dryRun: 'true' });
    expect(job.status).toBe('done');
    expect(job.progress).toEqual({ done: 9, total: 9 });
    expect(summary(job.result)).toEqual({
      total: 9, created: 2, updated: 0, unchanged: 0, skipped: 7, errors: expectedErrors, duplicates: duplicates(), unmappedColumns: ['Shoe size'], dryRun: true,
    });
    expect(await count('contact')).toBe(before);
    expect(await sql(server.database!.url, `SELECT * FROM core.import_row`)).toEqual([]);
    expectProblem(await admin.post(`/api/imports/${job.job}/revert`), 409);
  });

  it('creates exactly the good rows, normalized by the one validator, and reverts them', async () => {
    const before = await count('contact');
    const job = await importFile(server.url, admin, 'contact', CSV, 'contacts.csv');
    expect(summary(job.result)).toMatchObject({ total: 9, created: 2, skipped: 7, errors: expectedErrors, duplicates: duplicates(), dryRun: false });
    expect(await count('contact')).toBe(before + 2);
    const filter = encodeURIComponent(JSON.stringify({ email: { $in: ['wang.wei@example.cn', 'li.na@example.cn'] } }));
    const created = (await admin.get(`/api/records/contact?filter=${filter}&sort=name&fields=name,email,mobile,customer_type,birthday,account`)).body.data;
    expect(created.map(({ id: _id, ...r }: Record<string, unknown>) => r)).toEqual([
      { name: 'Li Na', email: 'li.na@example.cn', mobile: '+8613900139000', customer_type: 'potential', birthday: null, account: null },
      { name: '王伟', email: 'wang.wei@example.cn', mobile: '+8613800138000', customer_type: 'loyal', birthday: '1990-05-06', account: id.east },
    ]);
    const history = await sql(server.database!.url, `SELECT count(*)::int AS n FROM core.record_history WHERE record_id = ANY($1::uuid[]) AND action = 'create'`, [created.map((r: { id: string }) => r.id)]);
    expect(history[0].n).toBe(2);

    const revert = await admin.post(`/api/imports/${job.job}/revert`);
    expect(revert.status).toBe(202);
    expect((await finished(admin, revert.body.job)).result).toEqual({ deleted: 2, restored: 0, conflicts: [] });
    expect(await count('contact')).toBe(before);
    expectProblem(await admin.post(`/api/imports/${job.job}/revert`), 409);
    expect((await admin.get(`/api/imports/${job.job}`)).body).toMatchObject({ status: 'reverted', created: 2, skipped: 7 });
  });
});

describe('the multi-row path', () => {
  it('writes the same record, history row and outbox event as a single create', async () => {
    const job = await importFile(server.url, admin, 'contact', 'name,email,mobile\nShape Twin,TWIN@x.cn,13700137000\n', 'twin.csv');
    expect(job.result).toMatchObject({ created: 1 });
    const single = (await admin.post('/api/records/contact', { name: 'Shape Twin', email: 'TWIN@x.cn', mobile: '13700137000' })).body;
    const url = server.database!.url;
    const rows = await sql(url, `SELECT c.id, to_jsonb(c) - 'id' - 'created_at' - 'updated_at' AS record, h.changes, h.version, h.action, h.actor, o.type, o.payload, o.actor AS event_actor
      FROM data.contact c JOIN core.record_history h ON h.record_id = c.id JOIN core.outbox o ON o.record_id = c.id WHERE c.name = 'Shape Twin' ORDER BY c.id = $1`, [single.id]);
    expect(rows).toHaveLength(2);
    const [imported, posted] = rows.map(({ id: _id, ...r }) => r);
    expect(imported).toEqual(posted);
    expect(posted.type).toBe('record.created');
  });
});

describe('upsert', () => {
  it('updates the matching record and creates the others; the revert restores the overwritten values', async () => {
    const csv = 'email,title,name\nexisting@example.cn,Head of Purchasing,Existing Person\nnew.one@example.cn,CTO,New One\n';
    const job = await importFile(server.url, admin, 'contact', csv, 'upsert.csv', { mode: 'upsert', matchOn: 'email' });
    expect(job.result).toMatchObject({ created: 1, updated: 1, skipped: 0, errors: [] });
    expect((await admin.get(`/api/records/contact/${id.existing}`)).body.title).toBe('Head of Purchasing');
    const revert = await admin.post(`/api/imports/${job.job}/revert`);
    expect((await finished(admin, revert.body.job)).result).toEqual({ deleted: 1, restored: 1, conflicts: [] });
    expect((await admin.get(`/api/records/contact/${id.existing}`)).body.title).toBe('Buyer');
  });

  it('leaves a record changed since the import alone, and says so', async () => {
    const job = await importFile(server.url, admin, 'contact', 'email,title\nexisting@example.cn,Director\n', 'upsert.csv', { mode: 'upsert', matchOn: 'email' });
    expect(job.result).toMatchObject({ updated: 1 });
    expect((await admin.patch(`/api/records/contact/${id.existing}`, { title: 'Changed by hand' })).status).toBe(200);
    const revert = await admin.post(`/api/imports/${job.job}/revert`);
    const result = (await finished(admin, revert.body.job)).result;
    expect(result).toEqual({ deleted: 0, restored: 0, conflicts: [{ row: 2, id: id.existing, reason: 'changed since the import' }] });
    expect((await admin.get(`/api/records/contact/${id.existing}`)).body.title).toBe('Changed by hand');
  });
});

describe('permissions', () => {
  it("writes as the importer: a rep's rows are theirs, a row giving the record to someone else is refused", async () => {
    const csv = `name,owner\nRep Contact,\nGiven Away,${server.adminEmail}\n`;
    const job = await importFile(server.url, rep, 'contact', csv, 'rep.csv');
    expect(job.result).toMatchObject({ created: 1, skipped: 1 });
    expect(job.result.errors).toEqual([{ row: 3, errors: [expect.objectContaining({ path: '/owner' })] }]);
    const mine = (await rep.get(`/api/records/contact?filter=${encodeURIComponent('{"name":"Rep Contact"}')}&fields=owner`)).body.data;
    expect(mine).toEqual([{ id: expect.any(String), owner: id.rep }]);
    expect((await rep.get(`/api/jobs/${job.job}`)).status).toBe(200);
    expectProblem(await admin.get('/api/jobs/not-mine'), 404);
  });

  it('refuses objects the importer may not create (403) before any job exists', async () => {
    expectProblem(await upload(server.url, rep, 'ticket', 'subject\nBroken\n', 't.csv') as never, 403);
  });
});

describe('requests refused at once', () => {
  it('400 for a body that is not multipart, unknown fields, bad options; 422 for a bad mapping; 404 for an unknown object', async () => {
    expect(expectProblem(await admin.post('/api/records/contact/import', { file: 'x' }), 400).errors![0].path).toBe('/file');
    expect(expectProblem(await upload(server.url, admin, 'contact', 'name\nA\n', 'a.csv', { colour: 'red' }) as never, 400).errors![0].path).toBe('/colour');
    expect(expectProblem(await upload(server.url, admin, 'contact', 'name\nA\n', 'a.csv', { mode: 'upsert' }) as never, 400).errors![0].path).toBe('/matchOn');
    expect(expectProblem(await upload(server.url, admin, 'contact', 'name\nA\n', 'a.csv', { mapping: '{"nom":"name"}' }) as never, 422).errors![0].path).toBe('/mapping/nom');
    expect(expectProblem(await upload(server.url, admin, 'contact', 'name\nA\n', 'a.csv', { mapping: '{"name":"total_spent"}' }) as never, 422).errors![0].path).toBe('/mapping/name');
    expectProblem(await upload(server.url, admin, 'nope', 'name\nA\n', 'a.csv') as never, 404);
  });

  it('413 past the import limit; multipart anywhere else is refused', async () => {
    const big = 'name\n' + 'x'.repeat(100).concat('\n').repeat(3000);
    expectProblem(await upload(server.url, admin, 'contact', big, 'big.csv') as never, 413);
    const form = new FormData();
    form.append('name', 'x');
    const res = await fetch(`${server.url}/api/records/contact`, { method: 'POST', body: form, headers: { authorization: `Bearer ${admin.token}` } });
    expect(res.status).toBe(400);
  });
});
