import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** One cell as read: text from CSV; text, numbers, booleans and dates from XLSX; null when empty. */
export type Cell = string | number | boolean | Date | null;

export interface Table {
  header: string[];
  rows: Cell[][];
}

export type FileType = 'csv' | 'xlsx';

/** XLSX files are ZIP archives (`PK\x03\x04`); anything else is read as CSV text. */
export function fileTypeOf(bytes: Buffer): FileType {
  return bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304 ? 'xlsx' : 'csv';
}

export async function readTable(type: FileType, bytes: Buffer): Promise<Table> {
  return type === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}

/** The header alone (CSV stops after the first record), to check a mapping before the job is queued. */
export async function readHeader(type: FileType, bytes: Buffer): Promise<string[]> {
  return type === 'xlsx' ? (await readXlsx(bytes)).header : readCsv(bytes, 1).header;
}

/**
 * CSV as UTF-8 (BOM or not), or GB18030 when the bytes are not UTF-8 (Excel in China saves CSV that
 * way); the delimiter is the one of `, ; tab` most frequent in the first line.
 */
export function readCsv(bytes: Buffer, limit?: number): Table {
  const text = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true, ...(limit ? { to: limit } : {}) }) as string[][];
  const [header = [], ...rows] = records;
  return { header: headerNames(header), rows: rows.map((r) => r.map((v) => (v.trim() === '' ? null : v))) };
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The first worksheet; its first non-empty row is the header. Formulas give their cached result. */
export async function readXlsx(bytes: Buffer): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const all: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    all.push(Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellValue(values[i + 1])));
  });
  const [header = [], ...rows] = all;
  return { header: headerNames(header), rows };
}

function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText) return cellValue(o.richText.map((t) => t.text).join(''));
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

/** Trimmed header names; a blank one becomes `column_<n>` so it can still be mapped. */
function headerNames(cells: Cell[]): string[] {
  return cells.map((c, i) => (c === null || String(c).trim() === '' ? `column_${i + 1}` : String(c instanceof Date ? c.toISOString() : c).trim()));
}
