import type { Label, LayoutDef, ObjectDef } from '@loom/metadata';
import type { FieldDefinition } from '@/fields/field-definition';
import { fieldTypeOf } from '@/fields/registry';

/** One related list of a record: the `object` rows whose manyToOne `field` points at it. */
export interface RelatedList {
  key: string;
  object: string;
  field: string;
  label: Label | undefined;
  /** Top-level fields of `object` shown as columns, the title field first. */
  columns: string[];
}

const MAX_COLUMNS = 4;
const live = (field: FieldDefinition | undefined) => !!field && !field.archived && !field.hidden;
const isManyToOneTo = (field: FieldDefinition, target: string) =>
  field.type === 'relation' && (field.relationType ?? 'manyToOne') === 'manyToOne' && field.target === target;

/**
 * The related lists of an object's record: its oneToMany fields (through their `inverseOf`), then
 * every manyToOne field of another readable object that points at it; the layout's `relatedLists`
 * give their order, label and columns where they name one. Each (object, field) once.
 */
export function relatedLists(objectName: string, objects: readonly ObjectDef[], layout?: LayoutDef): RelatedList[] {
  const byName = new Map(objects.map((object) => [object.name, object]));
  const self = byName.get(objectName);
  const found: RelatedList[] = [];
  const add = (object: string, field: string, label: Label | undefined, columns?: string[]) => {
    const child = byName.get(object);
    const relation = child?.fields[field] as FieldDefinition | undefined;
    if (!child || child.archived || !live(relation) || !isManyToOneTo(relation!, objectName)) return;
    if (found.some((list) => list.object === object && list.field === field)) return;
    found.push({ key: `${object}.${field}`, object, field, label: label ?? child.pluralLabel ?? child.label, columns: columns?.filter((c) => !c.includes('.') && live(child.fields[c] as FieldDefinition)) ?? defaultColumns(child, field) });
  };
  for (const list of layout?.relatedLists ?? []) add(list.object, list.relation, list.label, list.columns);
  for (const [name, field] of Object.entries(self?.fields ?? {}) as [string, FieldDefinition & { inverseOf?: string }][]) {
    if (field.type === 'relation' && field.relationType === 'oneToMany' && live(field) && field.target && field.inverseOf) add(field.target, field.inverseOf, field.label ?? labelFromName(name));
  }
  for (const child of objects) {
    for (const [name, field] of Object.entries(child.fields ?? {}) as [string, FieldDefinition][]) {
      if (isManyToOneTo(field, objectName)) add(child.name, name, undefined);
    }
  }
  return found;
}

function labelFromName(name: string): string {
  return name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** The title field, then the first few other readable, non-wide fields (never the relation back to the parent). */
function defaultColumns(child: ObjectDef, relation: string): string[] {
  const title = child.titleField ?? 'name';
  const names = Object.entries(child.fields) as [string, FieldDefinition][];
  const others = names
    .filter(([name, field]) => name !== title && name !== relation && live(field) && field.relationType !== 'oneToMany' && field.relationType !== 'manyToMany')
    .filter(([, field]) => !['textarea', 'richtext', 'json'].includes(field.type) && !!fieldTypeOf(field.type))
    .map(([name]) => name);
  return [...(child.fields[title] ? [title] : []), ...others].slice(0, MAX_COLUMNS);
}
