/** The delimiters the server's CSV reader accepts (import/README.md): comma, semicolon, tab. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The header row of a CSV text: a UTF-8 BOM dropped, quoted cells (with `""` escapes and line
 * breaks inside quotes) read, the delimiter guessed from the first line as the server does.
 * @example readCsvHeader('Name;"E-mail, work"\nAda;ada@x') // ['Name', 'E-mail, work']
 */
export function readCsvHeader(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = guessDelimiter(firstLine);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (c === '\n' || c === '\r') break;
    else cell += c;
  }
  cells.push(cell.trim());
  return cells.length === 1 && cells[0] === '' ? [] : cells;
}

/** The delimiter used most often outside quotes in the first line; comma when none is. */
function guessDelimiter(line: string): string {
  const unquoted = line.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = unquoted.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/** Reads just enough of a file to find its header: the first 64 KiB as UTF-8. */
export async function readFileHeader(file: Blob): Promise<string[]> {
  return readCsvHeader(await file.slice(0, 64 * 1024).text());
}

/** `xlsx` for an Excel workbook (by name or type), else `csv`. */
export function fileKind(file: { name: string; type?: string }): 'csv' | 'xlsx' {
  return /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' ? 'xlsx' : 'csv';
}
