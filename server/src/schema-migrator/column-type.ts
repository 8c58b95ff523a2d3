import type { FieldDef } from '@loom/metadata';

/** The PostgreSQL column type of a stored field (DESIGN.md §2), or null for fields without a column. */
export function columnType(def: FieldDef): string | null {
  switch (def.type) {
    case 'text': return `varchar(${def.maxLength ?? 255})`;
    case 'textarea':
    case 'richtext': return 'text';
    case 'email': return 'varchar(320)';
    case 'phone': return 'varchar(40)';
    case 'url': return 'varchar(2048)';
    case 'integer': return 'bigint';
    case 'number':
    case 'percent': return 'numeric';
    case 'currency': return 'numeric(18,2)';
    case 'rating': return 'smallint';
    case 'boolean': return 'boolean';
    case 'date': return 'date';
    case 'datetime': return 'timestamptz';
    case 'select':
    case 'stage': return 'varchar(63)';
    case 'multiselect':
    case 'tags': return 'text[]';
    case 'user': return 'uuid';
    case 'autonumber': return 'varchar(100)';
    case 'json': return 'jsonb';
    case 'relation': return (def.relationType ?? 'manyToOne') === 'manyToOne' ? 'uuid' : null;
    case 'formula':
    case 'rollup': return null;
  }
}

/**
 * Type changes that keep every value (DESIGN.md §4). Anything else is refused with a reason.
 * The SQL is the `USING` expression when a cast is needed.
 */
export function losslessConversion(from: FieldDef, to: FieldDef): { ok: true } | { ok: false; reason: string } {
  if (from.type === to.type) return { ok: true };
  const key = `${from.type}->${to.type}`;
  const allowed = new Set([
    'integer->number', 'integer->currency', 'integer->percent', 'rating->integer', 'rating->number',
    'percent->number', 'currency->number',
    'text->textarea', 'text->richtext', 'textarea->richtext', 'email->text', 'phone->text', 'url->text',
    'select->text', 'stage->text', 'autonumber->text', 'email->textarea', 'select->textarea',
    'date->datetime',
  ]);
  if (allowed.has(key)) return { ok: true };
  return { ok: false, reason: `a ${from.type} field cannot become ${to.type} without losing or reinterpreting data; add a new field and copy what you need` };
}
