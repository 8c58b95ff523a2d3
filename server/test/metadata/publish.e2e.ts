import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let db: string;

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const opt = (key: string) => ({ key, label: label(key, key) });

/** One field of every type (DESIGN.md §2). */
const everyType = {
  kind: 'object', name: 'widget', label: label('Widget', '部件'), titleField: 'name', searchFields: ['name'], trackHistory: true,
  fields: {
    name: { type: 'text', required: true, maxLength: 100 },
    notes: { type: 'textarea' }, body: { type: 'richtext' },
    qty: { type: 'integer', min: 0 }, weight: { type: 'number' }, price: { type: 'currency' }, discount: { type: 'percent' },
    active: { type: 'boolean' }, made_on: { type: 'date' }, seen_at: { type: 'datetime' },
    email: { type: 'email' }, phone: { type: 'phone' }, site: { type: 'url' },
    color: { type: 'select', options: [opt('red'), opt('blue')] }, sizes: { type: 'multiselect', options: [opt('s'), opt('m')] },
    account: { type: 'relation', target: 'account', relationType: 'manyToOne', onDelete: 'setNull' },
    contacts: { type: 'relation', target: 'contact', relationType: 'manyToMany' },
    parts: { type: 'relation', target: 'widget_part', relationType: 'oneToMany', inverseOf: 'widget' },
    buyer: { type: 'user' }, code: { type: 'autonumber', pattern: 'W-{YYYY}-{0000}' },
    total: { type: 'formula', expression: 'qty * price', resultType: 'currency' },
    part_count: { type: 'rollup', object: 'widget_part', relation: 'widget', fn: 'count' },
    extra: { type: 'json' }, stars: { type: 'rating' }, labels: { type: 'tags' },
  },
};
const part = {
  kind: 'object', name: 'widget_part', label: label('Part', '零件'), titleField: 'name',
  fields: { name: { type: 'text', required: true }, widget: { type: 'relation', target: 'widget' } },
};

const revision = async () => (await admin.get('/api/health')).body.revision as number;
const columns = async (table: string) => (await sql<{ column_name: string }>(db, `SELECT column_name FROM information_schema.columns WHERE table_schema = 'data' AND table_name = $1 ORDER BY 1`, [table])).map((r) => r.column_name);

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  db = server.database!.url;
  admin = await login(server.url, server.adminEmail, server.adminPassword);
});
afterAll(() => server?.stop());

describe('first start', () => {
  it('publishes the base CRM as revision 1 with a table per object', async () => {
    expect(await revision()).toBe(1);
    const tables = (await sql<{ table_name: string }>(db, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'data'`)).map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['account', 'contact', 'lead', 'opportunity', 'activity', 'task', 'product', 'quote', 'quote_line', 'sales_order', 'sales_order_line', 'campaign', 'ticket']));
    const md = await admin.get('/api/metadata');
    expect(md.body.objects.opportunity.label).toEqual({ en: 'Opportunity', 'zh-CN': '商机' });
    expect(Object.keys(md.body.pipelines)).toEqual(expect.arrayContaining(['sales']));
  });

  it('serves the JSON Schema of every kind', async () => {
    for (const kind of ['object', 'pipeline', 'approval', 'role', 'automation', 'layout', 'plugin']) {
      const res = await admin.get(`/api/metadata/schemas/${kind}`);
      expect(res.status).toBe(200);
      expect(res.body.type ?? res.body.$ref ?? res.body.oneOf).toBeDefined();
    }
    expectProblem(await admin.get('/api/metadata/schemas/nope'), 404);
  });
});

describe('objects with every field type', () => {
  it('previews a plan with dryRun and changes nothing', async () => {
    const before = await revision();
    const res = await admin.post('/api/metadata/objects?dryRun=true', { ...part, fields: { name: part.fields.name } });
    expect(res.status).toBe(200);
    expect(res.body.plan.changes.map((c: { kind: string }) => c.kind)).toEqual(expect.arrayContaining(['createTable', 'addColumn']));
    expect(res.body.plan.changes.every((c: { class: string }) => c.class === 'safe')).toBe(true);
    expect(await revision()).toBe(before);
    expect(await columns('widget_part')).toEqual([]);
  });

  it('creates the objects, their columns, join table and sequence', async () => {
    // the two objects reference each other: part without its relation, widget without the inverse side, then both links
    const p1 = await admin.post('/api/metadata/objects', { ...part, fields: { name: part.fields.name } });
    expect(p1.status).toBe(201);
    const { parts, part_count, ...direct } = everyType.fields;
    const w = await admin.post('/api/metadata/objects', { ...everyType, fields: direct });
    expect(w.status).toBe(201);
    expect(w.body.revision).toBe(p1.body.revision + 1);
    const f = await admin.post('/api/metadata/objects/widget_part/fields', { name: 'widget', ...part.fields.widget });
    expect(f.status).toBe(201);
    const inverse = await admin.patch('/api/metadata/objects/widget', { fields: { parts, part_count } });
    expect(inverse.status).toBe(200);
    expect(inverse.body.object.fields.part_count.fn).toBe('count');
    const cols = await columns('widget');
    expect(cols).toEqual(expect.arrayContaining(['name', 'qty', 'price', 'account_id', 'buyer', 'code', 'extra', 'labels', 'sizes', 'deleted_at', 'version', 'owner']));
    expect(cols).not.toContain('total');
    expect(cols).not.toContain('part_count');
    expect(cols).not.toContain('contacts');
    expect(await columns('widget__contacts')).toEqual(['source_id', 'target_id']);
    const seq = await sql(db, `SELECT sequencename FROM pg_sequences WHERE schemaname = 'data' AND sequencename LIKE 'widget%'`);
    expect(seq).toHaveLength(1);
    const types = Object.fromEntries((await sql<{ column_name: string; data_type: string }>(db, `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema='data' AND table_name='widget'`)).map((r) => [r.column_name, r.data_type]));
    expect(types).toMatchObject({ qty: 'bigint', price: 'numeric', active: 'boolean', made_on: 'date', seen_at: 'timestamp with time zone', extra: 'jsonb', labels: 'ARRAY', account_id: 'uuid' });
  });

  it('refuses a duplicate object name with 409', async () => {
    expectProblem(await admin.post('/api/metadata/objects', part), 409);
  });
});

describe('fields: add, alter, archive, purge', () => {
  it('adds a field instantly as a column', async () => {
    const res = await admin.post('/api/metadata/objects/widget/fields', { name: 'batch', type: 'text', label: label('Batch', '批次') });
    expect(res.status).toBe(201);
    expect(res.body.plan.changes[0]).toMatchObject({ kind: 'addColumn', class: 'safe' });
    expect(await columns('widget')).toContain('batch');
  });

  it('allows lossless type changes and refuses the rest with an explanation', async () => {
    const ok = await admin.patch('/api/metadata/objects/widget/fields/qty', { type: 'number' });
    expect(ok.status).toBe(200);
    const [{ data_type }] = await sql(db, `SELECT data_type FROM information_schema.columns WHERE table_schema='data' AND table_name='widget' AND column_name='qty'`);
    expect(data_type).toBe('numeric');
    const before = await revision();
    const p = expectProblem(await admin.patch('/api/metadata/objects/widget/fields/active', { type: 'date' }), 422);
    expect(p.errors![0].path).toBe('/type'); // into the field body sent (API.md: paths point into the document)
    expect(p.errors![0].message).toMatch(/cannot become date/);
    expect(await revision()).toBe(before);
  });

  it('clears a field property with null', async () => {
    await admin.patch('/api/metadata/objects/widget/fields/name', { maxLength: 120 });
    expect((await admin.get('/api/metadata/objects/widget')).body.fields.name.maxLength).toBe(120);
    const res = await admin.patch('/api/metadata/objects/widget/fields/name', { maxLength: null });
    expect(res.status).toBe(200);
    expect((await admin.get('/api/metadata/objects/widget')).body.fields.name.maxLength).toBeUndefined();
  });

  it('archives a field (column kept, hidden), then purges it (column dropped)', async () => {
    const archived = await admin.del('/api/metadata/objects/widget/fields/batch');
    expect(archived.status).toBe(200);
    expect(archived.body.plan.changes[0]).toMatchObject({ kind: 'archiveField', class: 'destructive', sql: [] });
    expect(await columns('widget')).toContain('batch');
    expect((await admin.get('/api/metadata/objects/widget')).body.fields.batch.archived).toBe(true);
    expect((await admin.get('/api/metadata')).body.objects.widget.fields.batch).toBeUndefined();
    const purged = await admin.del('/api/metadata/objects/widget/fields/batch?purge=true');
    expect(purged.body.plan.changes[0]).toMatchObject({ kind: 'dropColumn', class: 'destructive' });
    expect(await columns('widget')).not.toContain('batch');
  });

  it('lists where a field is used before it is removed', async () => {
    const res = await admin.del('/api/metadata/objects/widget/fields/price?dryRun=true');
    const p = expectProblem(res, 422);
    expect(p.errors!.map((e) => e.path)).toContain('/objects/widget/fields/total/expression');
    expect(res.body.whereUsed[0]).toEqual({ path: '/objects/widget/fields/price', usedBy: ['/objects/widget/fields/total/expression'] });
  });

  it('refuses to purge a base field, and hides it instead of archiving', async () => {
    expectProblem(await admin.del('/api/metadata/objects/contact/fields/wechat?purge=true'), 422);
    const hidden = await admin.del('/api/metadata/objects/contact/fields/wechat');
    expect(hidden.status).toBe(200);
    expect((await admin.get('/api/metadata/objects/contact')).body.fields.wechat.hidden).toBe(true);
  });
});

describe('identifier injection', () => {
  it.each([
    ['x; drop table account', '/fields/x; drop table account'],
    ['select', '/fields/select'],
    ['a'.repeat(64), `/fields/${'a'.repeat(64)}`],
    ['客户', '/fields/客户'],
    ['Name', '/fields/Name'],
  ])('refuses field %j with 422 and changes nothing', async (name) => {
    const before = await revision();
    const res = await admin.post('/api/metadata/objects/widget/fields', { name, type: 'text' });
    const p = expectProblem(res, 422);
    expect(p.errors!.length).toBeGreaterThan(0);
    expect(await revision()).toBe(before);
    expect((await sql(db, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema='data' AND table_name='account'`))[0].n).toBe(1);
  });

  it('refuses object names that are reserved, too long or not ASCII', async () => {
    for (const name of ['table', 'b'.repeat(64), '订单', 'drop table x']) {
      expectProblem(await admin.post('/api/metadata/objects', { ...part, name }), 422);
    }
  });
});

describe('failed publishes and concurrency', () => {
  it('leaves no DDL and no revision when a unique constraint meets duplicate data', async () => {
    await sql(db, `INSERT INTO data.widget_part (name) VALUES ('bolt'), ('bolt')`);
    const before = await revision();
    const res = await admin.post('/api/metadata/objects/widget_part/fields', { name: 'sku', type: 'text' });
    expect(res.status).toBe(201);
    const afterAdd = await revision();
    const p = expectProblem(await admin.patch('/api/metadata/objects/widget_part', { unique: [['name']] }), 422);
    expect(p.errors![0].message).toMatch(/1 combinations are duplicated/);
    expect(await revision()).toBe(afterAdd);
    const idx = await sql(db, `SELECT indexname FROM pg_indexes WHERE schemaname='data' AND tablename='widget_part' AND indexdef LIKE '%UNIQUE%' AND indexname <> 'widget_part_pkey'`);
    expect(idx).toEqual([]);
    expect(afterAdd).toBe(before + 1);
  });

  it('applies only the previewed plan (?plan=hash) and 409s when it changed', async () => {
    const preview = await admin.post('/api/metadata/objects/widget/fields?dryRun=true', { name: 'lot', type: 'text' });
    const stale = await admin.post(`/api/metadata/objects/widget/fields?plan=${'0'.repeat(64)}`, { name: 'lot', type: 'text' });
    expectProblem(stale, 409);
    const applied = await admin.post(`/api/metadata/objects/widget/fields?plan=${preview.body.plan.hash}`, { name: 'lot', type: 'text' });
    expect(applied.status).toBe(201);
  });

  it('serializes concurrent publishes: both apply, revisions are consecutive', async () => {
    const before = await revision();
    const [a, b] = await Promise.all([
      admin.post('/api/metadata/objects/widget/fields', { name: 'left_one', type: 'text' }),
      admin.post('/api/metadata/objects/widget/fields', { name: 'right_one', type: 'integer' }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.body.revision, b.body.revision].sort()).toEqual([before + 1, before + 2]);
    const fields = (await admin.get('/api/metadata/objects/widget')).body.fields;
    expect(fields.left_one.type).toBe('text');
    expect(fields.right_one.type).toBe('integer');
  });

  it('answers 403 to non-admin writers', async () => {
    await admin.post('/api/users', { email: 'rep@loom.test', name: 'Rep', password: 'rep-password', roles: ['sales_rep'] });
    const rep = await login(server.url, 'rep@loom.test', 'rep-password');
    expectProblem(await rep.post('/api/metadata/objects', part), 403);
    expect((await rep.get('/api/metadata')).status).toBe(200);
  });
});

describe('webhook secrets', () => {
  it('are shown masked and kept when the mask is sent back', async () => {
    const doc = {
      trigger: { object: 'contact', event: 'created' },
      actions: [{ type: 'webhook', url: 'https://erp.example.com/hook', secret: 'erp-shared-secret-0123456789' }],
    };
    expect((await admin.put('/api/metadata/automations/erp_sync', doc)).status).toBe(201);
    const read = await admin.get('/api/metadata/automations/erp_sync');
    expect(read.body.actions[0].secret).toBe('****');
    expect(JSON.stringify((await admin.get('/api/metadata')).body)).not.toContain('erp-shared-secret');
    expect(JSON.stringify((await admin.get('/api/metadata/export')).body)).not.toContain('erp-shared-secret');
    expect((await admin.put('/api/metadata/automations/erp_sync', { ...read.body, label: 'ERP sync' })).status).toBe(200);
    const [row] = await sql(db, `SELECT document->'automations'->'erp_sync'->'actions'->0->>'secret' AS secret FROM core.metadata_revision ORDER BY number DESC LIMIT 1`);
    expect(row.secret).toBe('erp-shared-secret-0123456789');
  });
});

describe('revisions and bundles', () => {
  it('lists revisions and shows one with its diff to the previous', async () => {
    const list = await admin.get('/api/metadata/revisions');
    expect(list.body[0].number).toBe(await revision());
    const rev = await admin.get('/api/metadata/revisions/2');
    expect(rev.body.diff.map((c: { kind: string }) => c.kind)).toContain('addObject');
  });

  it('exports the admin layer and previews importing it elsewhere', async () => {
    const bundle = await admin.get('/api/metadata/export');
    expect(Object.keys(bundle.body.adminLayer.objects)).toEqual(expect.arrayContaining(['widget', 'widget_part']));
    const preview = await admin.post('/api/metadata/import?dryRun=true', bundle.body);
    expect(preview.status).toBe(200);
    expect(preview.body.plan.changes).toEqual([]);
  });
});
