import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, login, type Client } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let admin: Client;
let acme: { id: string };
const item = {
  kind: 'object', name: 'item', label: { en: 'Item', 'zh-CN': '物品' }, titleField: 'name',
  fields: {
    name: { type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true }, note: { type: 'text' }, qty: { type: 'integer' },
    account: { type: 'relation', target: 'account', label: { en: 'Account', 'zh-CN': '客户' } }, labels: { type: 'tags' },
  },
};
const download = (path: string) => fetch(server.url + path, { headers: { authorization: `Bearer ${admin.token}` } });
/** Minimal RFC 4180 reader for the assertions (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rows.at(-1)!.push(cell); cell = ''; }
    else if (c === '\n') { rows.at(-1)!.push(cell); cell = ''; rows.push([]); }
    else if (c !== '\r') cell += c;
  }
  if (cell || rows.at(-1)!.length) rows.at(-1)!.push(cell);
  return rows.filter((r) => r.length);
}

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  const res = await admin.post('/api/metadata/objects', item);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  acme = (await admin.post('/api/records/account', { name: '=Acme' })).body;
  const notes = ['=SUM(A1)', '+1', '@x', '-2', 'plain, with "quotes"'];
  await admin.post('/api/records/item/bulk', { create: notes.map((note, i) => ({ name: `evil ${i}`, note, qty: -i, account: acme.id, labels: ['a', 'b'] })) });
  await admin.post('/api/records/item/bulk', { create: Array.from({ length: 500 }, (_, i) => ({ name: `bulk ${String(i).padStart(3, '0')}`, qty: i })) });
});
afterAll(() => server?.stop());

describe('export CSV', () => {
  it('streams an attachment with labelled headers, escaped formulas and related titles', async () => {
    const filter = encodeURIComponent(JSON.stringify({ name: { $startsWith: 'evil' } }));
    const res = await download(`/api/records/item/export?format=csv&filter=${filter}&fields=name,note,qty,account,labels&sort=name`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="item-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await res.text();
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Name (name)', 'note (note)', 'qty (qty)', 'Account (account)', 'labels (labels)']);
    expect(rows.slice(1)).toEqual([
      ['evil 0', "'=SUM(A1)", '0', "'=Acme", 'a; b'],
      ['evil 1', "'+1", '-1', "'=Acme", 'a; b'],
      ['evil 2', "'@x", '-2', "'=Acme", 'a; b'],
      ['evil 3', "'-2", '-3', "'=Acme", 'a; b'],
      ['evil 4', 'plain, with "quotes"', '-4', "'=Acme", 'a; b'],
    ]);
  });

  it('pages through more rows than one page, each exactly once, headers in the caller\'s locale', async () => {
    const zh = { email: 'zh@loom.test', password: 'zh-password-1' };
    const created = await admin.post('/api/users', { ...zh, name: 'Zh', roles: ['admin'], locale: 'zh-CN' });
    expect(created.status).toBe(201);
    const token = (await login(server.url, zh.email, zh.password)).token;
    const filter = encodeURIComponent(JSON.stringify({ name: { $startsWith: 'bulk' } }));
    const res = await fetch(`${server.url}/api/records/item/export?filter=${filter}&fields=name,qty&sort=-qty`, { headers: { authorization: `Bearer ${token}` } });
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['名称 (name)', 'qty (qty)']);
    expect(rows).toHaveLength(501);
    expect(rows[1]).toEqual(['bulk 499', '499']);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(500);
  });

  it('exports the default fields when none are named', async () => {
    const res = await download(`/api/records/item/export?q=${encodeURIComponent('evil 0')}`);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(expect.arrayContaining(['Name (name)', 'Account (account)', 'Owner (owner)', 'Created at (created_at)']));
    expect(rows).toHaveLength(2);
    const me = (await admin.get('/api/auth/me')).body;
    expect(rows[0]![0]).toBe('ID (id)');
    expect(rows[1]![rows[0]!.indexOf('Owner (owner)')]).toBe(me.name);
    expect(rows[1]![rows[0]!.indexOf('Account (account)')]).toBe("'=Acme");
  });

  it('answers 400 for unknown parameters and bad formats, before sending any file', async () => {
    expectProblem(await admin.get('/api/records/item/export?limit=5'), 400);
    expectProblem(await admin.get('/api/records/item/export?format=pdf'), 400);
    expectProblem(await admin.get('/api/records/item/export?fields=nope'), 400);
    expectProblem(await admin.get(`/api/records/item/export?filter=${encodeURIComponent('{"nope":1}')}`), 400);
    expectProblem(await admin.get('/api/records/nope/export'), 404);
  });
});

describe('export XLSX', () => {
  it('opens with exceljs and holds the header and every row, text escaped and numbers as numbers', async () => {
    const filter = encodeURIComponent(JSON.stringify({ name: { $startsWith: 'evil' } }));
    const res = await download(`/api/records/item/export?format=xlsx&filter=${filter}&fields=name,note,qty,account&sort=name`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="item-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Item');
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['Name (name)', 'note (note)', 'qty (qty)', 'Account (account)']);
    expect(sheet.rowCount).toBe(6);
    expect(values(2)).toEqual(['evil 0', "'=SUM(A1)", 0, "'=Acme"]);
    expect(values(5)).toEqual(['evil 3', "'-2", -3, "'=Acme"]);
  });
});
