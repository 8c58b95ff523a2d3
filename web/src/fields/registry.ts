import { defineAsyncComponent } from 'vue';
import type { Component } from 'vue';
import type { FieldDefinition, FieldType } from './field-definition';
import * as format from './format-value';
import type { FieldFormatter, FormatContext } from './format-value';

/** How one field type is edited and shown. Inputs take `field` and `v-model`; displays `field` and `value`. */
export interface FieldTypeEntry {
  input: Component;
  format: FieldFormatter;
  /** Shows a value richer than its text (coloured option tags, links); FieldValue falls back to `format`. */
  display?: Component;
  /** Filled in by the server (autonumber, formula, rollup): never sent on write. */
  computed?: boolean;
  /** Numbers line up on the right in lists. */
  align?: 'left' | 'right';
}

// Inputs load with the first form that needs them, not with the app shell.
const TextInput = defineAsyncComponent(() => import('./inputs/TextFieldInput.vue'));
const NumberInput = defineAsyncComponent(() => import('./inputs/NumberFieldInput.vue'));
const BooleanInput = defineAsyncComponent(() => import('./inputs/BooleanFieldInput.vue'));
const DateInput = defineAsyncComponent(() => import('./inputs/DateFieldInput.vue'));
const SelectInput = defineAsyncComponent(() => import('./inputs/SelectFieldInput.vue'));
const TagsInput = defineAsyncComponent(() => import('./inputs/TagsFieldInput.vue'));
const ReferenceInput = defineAsyncComponent(() => import('./inputs/ReferenceFieldInput.vue'));
const RatingInput = defineAsyncComponent(() => import('./inputs/RatingFieldInput.vue'));
const JsonInput = defineAsyncComponent(() => import('./inputs/JsonFieldInput.vue'));
const ComputedValue = defineAsyncComponent(() => import('./inputs/ComputedFieldValue.vue'));
const OptionTags = defineAsyncComponent(() => import('./displays/OptionTags.vue'));
const RelationValue = defineAsyncComponent(() => import('./displays/RelationValue.vue'));

/** A formula is shown as its result type (`resultType`), text when it has none. */
const formatFormula: FieldFormatter = (value, field, context) => {
  const resultType = typeof field.resultType === 'string' ? field.resultType : 'text';
  const entry = resultType === 'formula' ? undefined : registry.get(resultType);
  return (entry?.format ?? format.formatText)(value, field, context);
};

const BUILT_IN: Record<FieldType, FieldTypeEntry> = {
  text: { input: TextInput, format: format.formatText },
  textarea: { input: TextInput, format: format.formatText },
  richtext: { input: TextInput, format: format.formatRichText },
  integer: { input: NumberInput, format: format.formatInteger, align: 'right' },
  number: { input: NumberInput, format: format.formatNumber, align: 'right' },
  currency: { input: NumberInput, format: format.formatCurrency, align: 'right' },
  percent: { input: NumberInput, format: format.formatPercent, align: 'right' },
  boolean: { input: BooleanInput, format: format.formatBoolean },
  date: { input: DateInput, format: format.formatDate },
  datetime: { input: DateInput, format: format.formatDateTime },
  email: { input: TextInput, format: format.formatText },
  phone: { input: TextInput, format: format.formatText },
  url: { input: TextInput, format: format.formatText },
  select: { input: SelectInput, format: format.formatOption, display: OptionTags },
  multiselect: { input: SelectInput, format: format.formatOptions, display: OptionTags },
  relation: { input: ReferenceInput, format: format.formatReference, display: RelationValue },
  user: { input: ReferenceInput, format: format.formatReference },
  stage: { input: SelectInput, format: format.formatOption, display: OptionTags },
  autonumber: { input: ComputedValue, format: format.formatText, computed: true },
  formula: { input: ComputedValue, format: formatFormula, computed: true },
  rollup: { input: ComputedValue, format: format.formatNumber, computed: true, align: 'right' },
  json: { input: JsonInput, format: format.formatJson },
  rating: { input: RatingInput, format: format.formatRating },
  tags: { input: TagsInput, format: format.formatOptions, display: OptionTags },
};

const registry = new Map<string, FieldTypeEntry>(Object.entries(BUILT_IN));

/** Plugins add their own field types (or replace a renderer) here. */
export function registerFieldType(type: string, entry: FieldTypeEntry): void {
  registry.set(type, entry);
}

export function hasFieldType(type: string): boolean {
  return registry.has(type);
}

/** The entry of a field type; an unknown type is edited and shown as text. */
export function fieldTypeOf(type: string): FieldTypeEntry {
  return registry.get(type) ?? BUILT_IN.text;
}

/** A field value as display text ('' when empty). */
export function formatFieldValue(value: unknown, field: FieldDefinition, context: FormatContext): string {
  return fieldTypeOf(field.type).format(value, field, context);
}
