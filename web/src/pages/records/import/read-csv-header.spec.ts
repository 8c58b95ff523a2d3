import { describe, expect, it } from 'vitest';
import { fileKind, readCsvHeader } from './read-csv-header';

describe('readCsvHeader', () => {
  it('reads a comma-separated header and ignores the rows below', () => {
    expect(readCsvHeader('name,email,phone\nAda,ada@x.org,1\n')).toEqual(['name', 'email', 'phone']);
  });

  it('drops a BOM and trims cells', () => {
    expect(readCsvHeader('\uFEFF 姓名 , 邮箱\r\n张三,z@x.cn')).toEqual(['姓名', '邮箱']);
  });

  it('reads quoted cells with delimiters, escaped quotes and line breaks inside', () => {
    expect(readCsvHeader('"Name","E-mail, work","Say ""hi""","two\nlines"\nA,B,C,D')).toEqual(['Name', 'E-mail, work', 'Say "hi"', 'two\nlines']);
  });

  it('guesses semicolon and tab delimiters from the first line', () => {
    expect(readCsvHeader('name;amount;"a,b"\nx;1,5;y')).toEqual(['name', 'amount', 'a,b']);
    expect(readCsvHeader('name\tamount\nx\t1')).toEqual(['name', 'amount']);
  });

  it('answers no columns for an empty file', () => {
    expect(readCsvHeader('')).toEqual([]);
  });
});

describe('fileKind', () => {
  it('tells an xlsx workbook from CSV by name or type', () => {
    expect(fileKind({ name: 'Leads.XLSX' })).toBe('xlsx');
    expect(fileKind({ name: 'export', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toBe('xlsx');
    expect(fileKind({ name: 'leads.csv', type: 'text/csv' })).toBe('csv');
  });
});
