import type { Label } from './label.js';

export interface LayoutSection {
  name: string;
  label?: Label;
  columns?: 1 | 2 | 3 | 4;
  collapsed?: boolean;
  /** Field names of the layout's object. */
  fields: string[];
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
