import { columnName, labelText, type FieldDef, type ObjectDef } from '@loom/metadata';
import { ProblemError, type ProblemItem } from '../../../common/problem.js';
import type { ImportOptions } from './parse-import-options.js';

/** One imported column: its position in the file, header and the field it fills. */
export interface MappedColumn {
  index: number;
  column: string;
  field: string;
}

export interface ResolvedMapping {
  columns: MappedColumn[];
  /** Header columns no field was matched to (ignored). */
  unmapped: string[];
}

/** Fields a file may fill: stored, live, not computed or generated; `owner`, and `id` to match on. */
export function importableField(obj: ObjectDef, name: string): FieldDef | 'system' | undefined {
  if (name === 'owner' || name === 'id') return 'system';
  const def = Object.hasOwn(obj.fields, name) ? obj.fields[name] : undefined;
  if (!def || def.archived || def.type === 'autonumber' || !columnName(name, def)) return undefined;
  return 'readOnly' in def && def.readOnly ? undefined : def;
}

const normalize = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Names a header may use for a field: its name, its labels (en, zh-CN), and the export's `Label (name)`. */
function namesOf(name: string, def: FieldDef | 'system'): string[] {
  const system: Record<string, string[]> = { owner: ['owner', '负责人'], id: ['id'] };
  if (def === 'system') return system[name] ?? [name];
  const labels = [labelText(def.label, 'en'), labelText(def.label, 'zh-CN')].filter((l): l is string => !!l);
  return [name, ...labels, ...labels.map((l) => `${l} (${name})`)].map(normalize);
}

/**
 * The file's columns → fields: the given mapping (every column named must exist in the header, every
 * field must be importable, no field twice), or, without one, by field name or label in en / zh-CN.
 * matchOn fields must be among the mapped ones. Problems → 422 with `/mapping/<column>` paths.
 */
export function resolveMapping(obj: ObjectDef, header: string[], options: Pick<ImportOptions, 'mapping' | 'matchOn'>): ResolvedMapping {
  const problems: ProblemItem[] = [];
  const columns: MappedColumn[] = [];
  const pointer = (c: string) => `/mapping/${c.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  if (options.mapping) {
    for (const [column, field] of Object.entries(options.mapping)) {
      const index = header.indexOf(column);
      if (index < 0) problems.push({ path: pointer(column), message: 'is not a column of the file' });
      else if (field !== null && !importableField(obj, field)) problems.push({ path: pointer(column), message: `"${field}" is not a field of ${obj.name} that an import can fill` });
      else if (field !== null) columns.push({ index, column, field });
    }
  } else {
    const candidates = [...Object.keys(obj.fields), 'owner', 'id'].flatMap((f) => {
      const def = importableField(obj, f);
      return def ? [{ field: f, names: namesOf(f, def) }] : [];
    });
    header.forEach((column, index) => {
      const hit = candidates.find((c) => c.names.includes(normalize(column)));
      if (hit && !columns.some((c) => c.field === hit.field)) columns.push({ index, column, field: hit.field });
    });
  }
  const seen = new Map<string, string>();
  for (const c of columns) {
    if (seen.has(c.field)) problems.push({ path: pointer(c.column), message: `maps to ${c.field}, as does column "${seen.get(c.field)}"` });
    seen.set(c.field, c.column);
  }
  for (const f of options.matchOn) if (!seen.has(f)) problems.push({ path: '/matchOn', message: `"${f}" is not filled by any column` });
  if (!columns.some((c) => c.field !== 'id')) problems.push({ path: '/mapping', message: 'no column matches a field of ' + obj.name });
  if (problems.length) throw new ProblemError('validation', 'The columns cannot be mapped to fields', { errors: problems });
  return { columns, unmapped: header.filter((_, i) => !columns.some((c) => c.index === i)) };
}
