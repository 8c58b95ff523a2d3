import { labelText, type FieldDef, type Label } from '@loom/metadata';
import type { Cell } from './read-table.js';

export interface Choice {
  key: string;
  label?: Label;
}

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '对', '✓', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '不是', '']);
const LIST_SEPARATORS = /[,;，；、|]/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A cell → the value a record body would carry for the field, or undefined when the cell is empty
 * (the field is left out: defaults apply on create, the stored value stays on update). Cells that
 * cannot be read as the field's type are passed on unchanged, so the one validator reports them
 * with the field's path. Relations and users stay text here; lookups resolve them later.
 * @example coerceCell('¥1,200.50', { type: 'currency' }) // 1200.5
 */
export function coerceCell(cell: Cell, def: FieldDef | 'system', choices: readonly Choice[] = []): unknown {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return undefined;
  if (def === 'system') return text(cell);
  switch (def.type) {
    case 'integer': case 'number': case 'currency': case 'percent': case 'rating':
      return toNumber(cell);
    case 'boolean': {
      if (typeof cell === 'boolean') return cell;
      const t = text(cell).toLowerCase();
      return TRUE.has(t) ? true : FALSE.has(t) ? false : cell;
    }
    case 'date':
      return toDate(cell);
    case 'datetime':
      return cell instanceof Date ? cell.toISOString() : typeof cell === 'number' ? excelDate(cell).toISOString() : toDateTime(text(cell));
    case 'select': case 'stage':
      return choose(text(cell), choices);
    case 'multiselect':
      return text(cell).split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean).map((s) => choose(s, choices));
    case 'tags':
      return text(cell).split(LIST_SEPARATORS).map((s) => s.trim()).filter(Boolean);
    case 'json': {
      try {
        return JSON.parse(text(cell));
      } catch {
        return text(cell);
      }
    }
    default:
      return text(cell);
  }
}

function text(cell: Exclude<Cell, null>): string {
  if (cell instanceof Date) return cell.toISOString();
  // Excel stores long digit strings (phone numbers) as numbers: write them out in full
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell).trim();
}

function toNumber(cell: Exclude<Cell, null>): unknown {
  if (typeof cell === 'number') return cell;
  const cleaned = text(cell).replace(/[\s,¥$€£￥%]/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : cell;
}

/** Excel's serial day number (1900 system) → a UTC instant. */
function excelDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

function toDate(cell: Exclude<Cell, null>): unknown {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return excelDate(cell).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(text(cell));
  return m ? `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}` : text(cell);
}

/** `YYYY-MM-DD HH:mm[:ss]` without a zone is read as UTC; anything with a zone is kept. */
function toDateTime(s: string): string {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (!m) return s;
  return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}T${pad(Number(m[4] ?? 0))}:${m[5] ?? '00'}:${m[6] ?? '00'}.000Z`;
}

/** An option by key, or by its English or Chinese label (case-insensitive); else the text as given. */
function choose(s: string, choices: readonly Choice[]): string {
  const lower = s.toLowerCase();
  const hit = choices.find((c) => c.key.toLowerCase() === lower)
    ?? choices.find((c) => [labelText(c.label, 'en'), labelText(c.label, 'zh-CN')].some((l) => l?.toLowerCase() === lower));
  return hit?.key ?? s;
}
