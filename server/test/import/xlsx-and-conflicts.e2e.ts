import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Client } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { importFile } from './import-client.js';

// Opportunities from an XLSX sheet with Chinese headers and stage labels (the write path records the
// stage history and enforces stage rules), and a unique violation that only the database catches.
let server: TestServer;
let admin: Client;
const id: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  admin = await login(server.url, server.adminEmail, server.adminPassword);
  id.acme = (await admin.post('/api/records/account', { name: '上海华信信息科技有限公司' })).body.id;
  const opt = (key: string) => ({ key, label: key });
  const member = { kind: 'object', name: 'member', label: 'Member', titleField: 'code', fields: { code: { type: 'text', required: true }, level: { type: 'select', options: [opt('a'), opt('b')] } }, unique: [['code']] };
  const res = await admin.post('/api/metadata/objects', member);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  await admin.post('/api/records/member', { code: 'M-002' });
});
afterAll(() => server?.stop());

describe('XLSX import', () => {
  it('creates deals from a Chinese sheet: labels to keys, numbers, dates, relations by name; stage rules per row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('商机');
    ws.addRow(['商机名称', '客户', '金额', '销售阶段', '预计成交日期', '负责人']);
    ws.addRow(['年度采购项目', '上海华信信息科技有限公司', 120000, '方案报价', new Date(Date.UTC(2027, 0, 15)), server.adminEmail]);
    ws.addRow(['设备更新', '上海华信信息科技有限公司', 56000.5, '初步接洽', null, null]);
    ws.addRow(['丢单项目', '上海华信信息科技有限公司', 8000, '输单', new Date(Date.UTC(2027, 2, 1)), null]);
    ws.addRow(['方案缺日期', '上海华信信息科技有限公司', 9000, '方案报价', null, null]);
    const job = await importFile(server.url, admin, 'opportunity', Buffer.from(await wb.xlsx.writeBuffer()), '商机.xlsx');
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ total: 4, created: 2, skipped: 2 });
    expect(job.result.errors.map((e: { row: number; errors: { path: string }[] }) => [e.row, e.errors.map((x) => x.path)])).toEqual([[4, ['/loss_reason']], [5, ['/close_date']]]);
    const deals = (await admin.get('/api/records/opportunity?sort=name&fields=name,account,amount,stage,close_date')).body.data;
    expect(deals.map(({ id: _id, ...d }: Record<string, unknown>) => d)).toEqual([
      { name: '年度采购项目', account: id.acme, amount: 120000, stage: 'proposal', close_date: '2027-01-15' },
      { name: '设备更新', account: id.acme, amount: 56000.5, stage: 'lead', close_date: null },
    ]);
    const moves = await sql(server.database!.url, `SELECT to_stage FROM core.stage_history WHERE object = 'opportunity' ORDER BY to_stage`);
    expect(moves.map((m) => m.to_stage)).toEqual(['lead', 'proposal']);
  });
});

describe('rows the database refuses', () => {
  it('fails only the row with a taken unique value; the rest of its batch is written', async () => {
    const job = await importFile(server.url, admin, 'member', 'code,level\nM-001,a\nM-002,b\nM-003,b\n', 'members.csv');
    expect(job.result).toMatchObject({ created: 2, skipped: 1 });
    expect(job.result.errors).toEqual([{ row: 3, errors: [expect.objectContaining({ path: '/code' })] }]);
    const codes = (await admin.get('/api/records/member?sort=code&fields=code')).body.data.map((m: { code: string }) => m.code);
    expect(codes).toEqual(['M-001', 'M-002', 'M-003']);
    const rows = await sql(server.database!.url, `SELECT row_number, action FROM core.import_row WHERE job_id = $1 ORDER BY row_number`, [job.job]);
    expect(rows).toEqual([{ row_number: 2, action: 'created' }, { row_number: 4, action: 'created' }]);
  });
});
