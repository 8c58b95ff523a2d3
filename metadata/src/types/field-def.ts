import type { ConditionJson } from './condition-json.js';
import type { Label } from './label.js';

/** Props every field may carry. `archived` is set by the engine when a field is removed. */
export interface FieldBase {
  label?: Label;
  description?: Label;
  hidden?: boolean;
  archived?: boolean;
  readOnly?: boolean;
  indexed?: boolean;
}

/** Props of fields that store a value the user writes. */
export interface StoredFieldBase extends FieldBase {
  required?: boolean;
  unique?: boolean;
}

export interface SelectOption {
  key: string;
  label?: Label;
  color?: string;
  order?: number;
}

export interface TextFieldDef extends StoredFieldBase {
  type: 'text';
  maxLength?: number;
  pattern?: string;
  default?: string;
}
export interface LongTextFieldDef extends StoredFieldBase {
  type: 'textarea' | 'richtext';
  maxLength?: number;
  default?: string;
}
export interface ContactPointFieldDef extends StoredFieldBase {
  type: 'email' | 'phone' | 'url';
  maxLength?: number;
  default?: string;
}
export interface NumericFieldDef extends StoredFieldBase {
  type: 'integer' | 'number' | 'currency' | 'percent' | 'rating';
  min?: number;
  max?: number;
  default?: number;
}
export interface BooleanFieldDef extends StoredFieldBase {
  type: 'boolean';
  default?: boolean;
}
export interface DateFieldDef extends StoredFieldBase {
  type: 'date';
  /** `YYYY-MM-DD` or `$today`. */
  default?: string;
}
export interface DateTimeFieldDef extends StoredFieldBase {
  type: 'datetime';
  /** ISO 8601 or `$now`. */
  default?: string;
}
export interface SelectFieldDef extends StoredFieldBase {
  type: 'select';
  options: SelectOption[];
  default?: string;
}
export interface MultiSelectFieldDef extends StoredFieldBase {
  type: 'multiselect';
  options: SelectOption[];
  default?: string[];
}
export type RelationType = 'manyToOne' | 'manyToMany' | 'oneToMany';
export type OnDelete = 'restrict' | 'setNull' | 'cascade';
export interface RelationFieldDef extends StoredFieldBase {
  type: 'relation';
  target: string;
  /** Default `manyToOne` (column `<name>_id`). */
  relationType?: RelationType;
  /** For `oneToMany`: the manyToOne field on the target that points back. */
  inverseOf?: string;
  /** For `manyToOne`: default `restrict`. */
  onDelete?: OnDelete;
}
export interface UserFieldDef extends StoredFieldBase {
  type: 'user';
  default?: string;
}
export interface StageFieldDef extends StoredFieldBase {
  type: 'stage';
  /** The pipeline whose stages this field holds (optional when several pipelines share it by record type). */
  pipeline?: string;
  default?: string;
}
export interface AutonumberFieldDef extends FieldBase {
  type: 'autonumber';
  unique?: boolean;
  /** e.g. `CMP-{YYYY}-{0000}`: tokens {YYYY} {YY} {MM} {DD} and exactly one counter {0…}. */
  pattern: string;
}
export type FormulaResultType = 'number' | 'integer' | 'currency' | 'percent' | 'text' | 'boolean' | 'date' | 'datetime';
export interface FormulaFieldDef extends FieldBase {
  type: 'formula';
  expression: string;
  resultType: FormulaResultType;
}
export type RollupFn = 'count' | 'sum' | 'min' | 'max' | 'avg';
export interface RollupFieldDef extends FieldBase {
  type: 'rollup';
  /** The object whose rows are aggregated. */
  object: string;
  /** The manyToOne field on `object` that points at this record. */
  relation: string;
  fn: RollupFn;
  /** Required unless `fn` is `count`. */
  field?: string;
  filter?: ConditionJson;
}
export interface JsonFieldDef extends StoredFieldBase {
  type: 'json';
  default?: unknown;
}
export interface TagsFieldDef extends StoredFieldBase {
  type: 'tags';
  default?: string[];
}

/** A field definition, discriminated by `type`. */
export type FieldDef =
  | TextFieldDef
  | LongTextFieldDef
  | ContactPointFieldDef
  | NumericFieldDef
  | BooleanFieldDef
  | DateFieldDef
  | DateTimeFieldDef
  | SelectFieldDef
  | MultiSelectFieldDef
  | RelationFieldDef
  | UserFieldDef
  | StageFieldDef
  | AutonumberFieldDef
  | FormulaFieldDef
  | RollupFieldDef
  | JsonFieldDef
  | TagsFieldDef;

export type FieldType = FieldDef['type'];

/** Every field type, in the order of DESIGN.md §2 (checked against schemas/object.schema.json by a spec). */
export const FIELD_TYPES = [
  'text', 'textarea', 'richtext', 'integer', 'number', 'currency', 'percent', 'boolean', 'date',
  'datetime', 'email', 'phone', 'url', 'select', 'multiselect', 'relation', 'user', 'stage',
  'autonumber', 'formula', 'rollup', 'json', 'rating', 'tags',
] as const satisfies readonly FieldType[];

/** Narrows a field definition by type: `FieldOfType<'relation'>` is `RelationFieldDef`. */
export type FieldOfType<T extends FieldType> = Extract<FieldDef, { type: T }>;
