import type { Label } from '@/i18n/label-of';

/** Every field type of the metadata language (DESIGN.md §2 "Objects and fields"). */
export const FIELD_TYPE_NAMES = [
  'text', 'textarea', 'richtext', 'integer', 'number', 'currency', 'percent', 'boolean',
  'date', 'datetime', 'email', 'phone', 'url', 'select', 'multiselect', 'relation', 'user',
  'stage', 'autonumber', 'formula', 'rollup', 'json', 'rating', 'tags',
] as const;

export type FieldType = (typeof FIELD_TYPE_NAMES)[number];

export interface SelectOption {
  key: string;
  label?: Label;
  color?: string;
  order?: number;
}

export interface FieldDefinition {
  type: FieldType | (string & {});
  label?: Label;
  required?: boolean;
  readonly?: boolean;
  hidden?: boolean;
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
  [key: string]: unknown;
}
