import type { ConditionJson } from './condition-json.js';
import type { Label } from './label.js';

/** A section's field with a visibility rule; a plain name is always shown. */
export interface LayoutFieldRule {
  field: string;
  /** Shown (and sent) only while this holds for the form's current values. */
  visibleWhen?: ConditionJson;
}

export type LayoutSectionField = string | LayoutFieldRule;

export interface LayoutSection {
  name: string;
  label?: Label;
  columns?: 1 | 2 | 3 | 4;
  collapsed?: boolean;
  /** Shown only while this holds for the form's current values. */
  visibleWhen?: ConditionJson;
  /** Field names of the layout's object, or `{ field, visibleWhen }` (read them with `layoutFieldName`). */
  fields: LayoutSectionField[];
}

export interface LayoutList {
  /** Field paths; dotted paths follow manyToOne relations (`account.name`). */
  columns: string[];
  /** `-amount` = descending. */
  sort?: string[];
}

export interface RelatedList {
  object: string;
  /** The manyToOne field on `object` that points at this layout's object. */
  relation: string;
  label?: Label;
  columns: string[];
}

export interface LayoutDef {
  kind: 'layout';
  name: string;
  label?: Label;
  object: string;
  /** The layout used when none is chosen. */
  default?: boolean;
  sections: LayoutSection[];
  list?: LayoutList;
  relatedLists?: RelatedList[];
}

/** The field name of a section entry (`'amount'` or `{ field: 'amount', visibleWhen }`). */
export function layoutFieldName(entry: LayoutSectionField): string {
  return typeof entry === 'string' ? entry : entry.field;
}
