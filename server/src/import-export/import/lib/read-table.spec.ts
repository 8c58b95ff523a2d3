import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fileTypeOf, readCsv, readXlsx } from './read-table.js';

describe('readCsv', () => {
  it('reads a header and rows, quotes, BOM, empty cells as null', () => {
    const t = readCsv(Buffer.from('\uFEFFname,email,notes\n"Wang, Wei",WANG@X.CN ,"line1\nline2"\nLi,,\n\n'));
    expect(t.header).toEqual(['name', 'email', 'notes']);
    expect(t.rows).toEqual([['Wang, Wei', 'WANG@X.CN ', 'line1\nline2'], ['Li', null, null]]);
  });

  it('finds ; and tab delimiters', () => {
    expect(readCsv(Buffer.from('a;b\n1;2\n')).rows).toEqual([['1', '2']]);
    expect(readCsv(Buffer.from('a\tb\n1\t2\n')).header).toEqual(['a', 'b']);
  });

  it('reads GB18030 text when the bytes are not UTF-8', () => {
    const gbk = Buffer.from([0xd0, 0xd5, 0xc3, 0xfb, 0x0a, 0xcd, 0xf5, 0xce, 0xb0, 0x0a]); // 姓名\n王伟\n
    expect(readCsv(gbk)).toEqual({ header: ['姓名'], rows: [['王伟']] });
  });

  it('names blank header cells', () => {
    expect(readCsv(Buffer.from('name,,x\n')).header).toEqual(['name', 'column_2', 'x']);
  });
});

describe('readXlsx', () => {
  it('reads the first sheet with typed cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['姓名', 'Amount', 'Birthday', 'VIP', 'Link', 'Sum']);
    ws.addRow(['王伟', 12.5, new Date(Date.UTC(1990, 4, 6)), true, { text: 'site', hyperlink: 'https://x.cn' }, { formula: 'B2*2', result: 25 }]);
    ws.addRow([{ richText: [{ text: 'Li ' }, { text: 'Na' }] }, null, null, false]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(fileTypeOf(bytes)).toBe('xlsx');
    const t = await readXlsx(bytes);
    expect(t.header).toEqual(['姓名', 'Amount', 'Birthday', 'VIP', 'Link', 'Sum']);
    expect(t.rows).toEqual([['王伟', 12.5, new Date(Date.UTC(1990, 4, 6)), true, 'site', 25], ['Li Na', null, null, false]]);
  });

  it('tells CSV from XLSX by the bytes', () => {
    expect(fileTypeOf(Buffer.from('name\n'))).toBe('csv');
  });
});
