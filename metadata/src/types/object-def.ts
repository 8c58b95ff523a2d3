import type { ConditionJson } from './condition-json.js';
import type { FieldDef } from './field-def.js';
import type { Label } from './label.js';

/** A record-level rule: the condition must hold, else `message` is reported (422). */
export interface ValidationRule {
  name: string;
  condition: ConditionJson;
  message: Label;
}

/** Two records are duplicates when all `match` fields are equal (or similar, with `fuzzy`). */
export interface DuplicateRule {
  match: string[];
  fuzzy?: boolean;
}

export interface ObjectDef {
  kind: 'object';
  name: string;
  label: Label;
  pluralLabel?: Label;
  description?: Label;
  icon?: string;
  titleField: string;
  searchFields?: string[];
  trackHistory?: boolean;
  fields: Record<string, FieldDef>;
  validations?: ValidationRule[];
  unique?: string[][];
  indexes?: string[][];
  duplicateRules?: DuplicateRule[];
  /** Set by the engine when the object is removed (table kept, hidden). */
  archived?: boolean;
}
