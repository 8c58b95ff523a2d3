import { FIELD_TYPES } from '@loom/metadata';
import type { FieldDef, FieldType, Label, SelectOption } from '@loom/metadata';

/** Every field type of the metadata language (DESIGN.md §2 "Objects and fields"). */
export const FIELD_TYPE_NAMES = FIELD_TYPES;
export type { FieldType, SelectOption };

/**
 * The UI's view of a field: any {@link FieldDef} of @loom/metadata, read through the
 * props of all its variants (a filter value or a plugin field may mix them).
 */
export interface FieldDefinition {
  type: FieldType | (string & {});
  label?: Label;
  required?: boolean;
  readOnly?: boolean;
  hidden?: boolean;
  archived?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** select / multiselect / tags */
  options?: SelectOption[];
  /** relation */
  target?: string;
  relationType?: 'manyToOne' | 'manyToMany' | 'oneToMany';
  /** stage */
  pipeline?: string;
  /** formula */
  resultType?: string;
  /** currency: ISO 4217 code, when the field fixes one */
  currency?: string;
  /** UI only: a select or record picker that holds a list of values (filters on `$in`). */
  multiple?: boolean;
}

// Every metadata field definition is a FieldDefinition (checked when this file compiles).
type Assignable<T extends FieldDefinition> = T;
export type MetadataFieldDefinition = Assignable<FieldDef>;
