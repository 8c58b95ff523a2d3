import { badRequest, type ProblemItem } from '../../../common/problem.js';

export type ImportMode = 'create' | 'upsert';

export interface ImportOptions {
  /** `{ column: field }` as given (null or "" = skip the column); absent = matched by name or label. */
  mapping?: Record<string, string | null>;
  mode: ImportMode;
  /** Fields that identify an existing record: duplicates in create mode, the record to update in upsert. */
  matchOn: string[];
  dryRun: boolean;
}

export const OPTION_FIELDS = ['mapping', 'mode', 'matchOn', 'dryRun'] as const;
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

/**
 * The form fields of an import next to its file (text, as multipart sends them) → options;
 * every problem is a 400 with the field's path (SECURITY.md 3: unknown fields are refused).
 * @example parseImportOptions({ mode: 'upsert', matchOn: 'email', dryRun: 'true' }) // { mode: 'upsert', matchOn: ['email'], dryRun: true }
 */
export function parseImportOptions(fields: Record<string, string>): ImportOptions {
  const problems: ProblemItem[] = [];
  for (const key of Object.keys(fields)) if (!(OPTION_FIELDS as readonly string[]).includes(key)) problems.push({ path: `/${key}`, message: `is not an import field; use file, ${OPTION_FIELDS.join(', ')}` });
  const mode = (fields.mode ?? 'create') as ImportMode;
  if (mode !== 'create' && mode !== 'upsert') problems.push({ path: '/mode', message: 'must be create or upsert' });
  const dryRun = ({ true: true, '1': true, false: false, '0': false } as Record<string, boolean>)[fields.dryRun ?? 'false'];
  if (dryRun === undefined) problems.push({ path: '/dryRun', message: 'must be true or false' });
  const matchOn = parseList(fields.matchOn, problems);
  if (mode === 'upsert' && !matchOn.length) problems.push({ path: '/matchOn', message: 'is required to upsert: the fields that find the record to update' });
  const mapping = fields.mapping === undefined ? undefined : parseMapping(fields.mapping, problems);
  if (problems.length) throw badRequest(`${problems.length} import option(s) are not valid`, problems);
  return { mapping, mode, matchOn, dryRun: dryRun! };
}

/** `email`, `name,account` or a JSON array. */
function parseList(raw: string | undefined, problems: ProblemItem[]): string[] {
  if (raw === undefined || raw.trim() === '') return [];
  let list: unknown = raw.split(',').map((s) => s.trim());
  if (raw.trim().startsWith('[')) {
    try {
      list = JSON.parse(raw);
    } catch {
      list = null;
    }
  }
  if (!Array.isArray(list) || !list.length || list.length > 5 || !list.every((f) => typeof f === 'string' && NAME.test(f)) || new Set(list).size < list.length) {
    problems.push({ path: '/matchOn', message: 'must name 1 to 5 different fields' });
    return [];
  }
  return list as string[];
}

function parseMapping(raw: string, problems: ProblemItem[]): Record<string, string | null> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push({ path: '/mapping', message: 'must be a JSON object { "column": "field" }' });
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    problems.push({ path: '/mapping', message: 'must be a JSON object { "column": "field" }' });
    return undefined;
  }
  const out: Record<string, string | null> = {};
  for (const [column, field] of Object.entries(parsed)) {
    if (field === null || field === '') out[column] = null;
    else if (typeof field === 'string' && NAME.test(field)) out[column] = field;
    else problems.push({ path: `/mapping/${column.replace(/~/g, '~0').replace(/\//g, '~1')}`, message: 'must be a field name, or null to skip the column' });
  }
  return out;
}
