import { pipelinesOf, type MetadataSet, type ObjectDef } from '@loom/metadata';
import type { ProblemItem } from '../../common/problem.js';
import { coerceCell, type Choice } from './lib/coerce-cell.js';
import type { Table } from './lib/read-table.js';
import { importableField, type MappedColumn } from './lib/resolve-mapping.js';

/** One data row on its way in: its line in the sheet (the header is line 1), values by field, problems so far. */
export interface PreparedRow {
  row: number;
  values: Record<string, unknown>;
  problems: ProblemItem[];
}

/** Options and stage keys, for reading labels as keys. */
function choicesOf(set: MetadataSet, obj: ObjectDef, field: string): Choice[] {
  const def = obj.fields[field];
  if (def?.type === 'select' || def?.type === 'multiselect') return def.options;
  if (def?.type === 'stage') return pipelinesOf(set, obj.name, field).flatMap((p) => p.stages.map((s) => ({ key: s.key, label: s.label })));
  return [];
}

/** Every row of the table as field values, each cell read as its field's type (coerceCell). */
export function prepareRows(set: MetadataSet, obj: ObjectDef, table: Table, columns: MappedColumn[]): PreparedRow[] {
  const fields = columns.map((c) => ({ ...c, def: importableField(obj, c.field)!, choices: choicesOf(set, obj, c.field) }));
  return table.rows.map((cells, i) => {
    const values: Record<string, unknown> = {};
    for (const f of fields) {
      const v = coerceCell(cells[f.index] ?? null, f.def, f.choices);
      if (v !== undefined) values[f.field] = v;
    }
    return { row: i + 2, values, problems: [] };
  });
}
