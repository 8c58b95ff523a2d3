import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Cell } from './export-columns.js';

/** Pages of rows, pulled one at a time so the whole table is never in memory. */
export type RowPages = AsyncIterable<Cell[][]>;

/** CSV (RFC 4180, UTF-8 with a BOM so spreadsheets read Chinese right): the header row, then every page. */
export function csvStream(header: string[], pages: RowPages): Readable {
  async function* rows() {
    yield header;
    for await (const page of pages) yield* page;
  }
  const csv = stringify({ bom: true, cast: { number: (n) => String(n) } });
  const source = Readable.from(rows());
  source.on('error', (e) => csv.destroy(e));
  return source.pipe(csv);
}

/** XLSX through exceljs' streaming WorkbookWriter: rows are committed page by page, waiting when the client is slow. */
export function xlsxStream(sheet: string, header: string[], pages: RowPages): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const ws = book.addWorksheet(sheet);
  void (async () => {
    ws.addRow(header).commit();
    for await (const page of pages) {
      for (const row of page) ws.addRow(row).commit();
      if (out.writableNeedDrain) await once(out, 'drain');
    }
    ws.commit();
    await book.commit();
  })().catch((e: unknown) => out.destroy(e as Error));
  return out;
}
