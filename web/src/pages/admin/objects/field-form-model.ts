import type { FieldDef, Label, SelectOption } from '@loom/metadata';
import { hasValue } from './field-schema-form';
import type { PropertySpec } from './field-schema-form';

/** An option row of the options editor. */
export interface OptionRow {
  key: string;
  en: string;
  zh: string;
  color: string | null;
}

/** What the field form edits; turned into a request body by {@link fieldBody} / {@link fieldPatch}. */
export interface FieldFormState {
  name: string;
  type: string;
  labelEn: string;
  labelZh: string;
  props: Record<string, unknown>;
  options: OptionRow[];
}

export function labelFrom(en: string, zh: string): Label | undefined {
  const label: Record<string, string> = {};
  if (en.trim()) label.en = en.trim();
  if (zh.trim()) label['zh-CN'] = zh.trim();
  return Object.keys(label).length ? (label as Label) : undefined;
}

function labelTexts(label: Label | undefined): { en: string; zh: string } {
  if (!label) return { en: '', zh: '' };
  if (typeof label === 'string') return { en: label, zh: '' };
  return { en: label.en ?? '', zh: label['zh-CN'] ?? '' };
}

export function optionRows(options: readonly SelectOption[] | undefined): OptionRow[] {
  return (options ?? []).map((option) => {
    const texts = labelTexts(option.label);
    return { key: option.key, en: texts.en, zh: texts.zh, color: option.color ?? null };
  });
}

export function optionsFrom(rows: readonly OptionRow[]): SelectOption[] {
  return rows.map((row) => {
    const option: SelectOption = { key: row.key.trim(), label: labelFrom(row.en, row.zh) ?? row.key.trim() };
    if (row.color) option.color = row.color;
    return option;
  });
}

/** A key for an option from its English label (`Key account` → `key_account`), unique among `taken`. */
export function keyFromLabel(label: string, taken: readonly string[]): string {
  let key = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 50);
  if (!/^[a-z]/.test(key)) key = key ? `o_${key}` : 'option';
  let candidate = key;
  for (let n = 2; taken.includes(candidate); n += 1) candidate = `${key}_${n}`;
  return candidate;
}

export function emptyFieldState(type = 'text'): FieldFormState {
  return { name: '', type, labelEn: '', labelZh: '', props: {}, options: [] };
}

export function fieldState(name: string, def: FieldDef): FieldFormState {
  const { type, label, ...rest } = def as FieldDef & Record<string, unknown>;
  const texts = labelTexts(label as Label | undefined);
  const props = { ...rest };
  const options = optionRows(props.options as SelectOption[] | undefined);
  delete props.options;
  return { name, type, labelEn: texts.en, labelZh: texts.zh, props: JSON.parse(JSON.stringify(props)), options };
}

/** The properties of the form's type that are set (options from the rows). */
function propertyValues(state: FieldFormState, specs: readonly PropertySpec[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const spec of specs) {
    if (spec.widget === 'options') {
      if (state.options.length) values.options = optionsFrom(state.options);
    } else if (hasValue(state.props[spec.name])) {
      values[spec.name] = state.props[spec.name];
    }
  }
  return values;
}

/** `POST …/fields`: name, type, label and every property that is set. */
export function fieldBody(state: FieldFormState, specs: readonly PropertySpec[]): Record<string, unknown> {
  const label = labelFrom(state.labelEn, state.labelZh);
  return { name: state.name.trim(), type: state.type, ...(label ? { label } : {}), ...propertyValues(state, specs) };
}

/**
 * `PATCH …/fields/{name}`: the label and properties that changed. The server merges the patch
 * into the field; a switch turned off is sent as false, a cleared number cannot be unset this way.
 */
export function fieldPatch(original: FieldFormState, state: FieldFormState, specs: readonly PropertySpec[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const label = labelFrom(state.labelEn, state.labelZh);
  if (JSON.stringify(label) !== JSON.stringify(labelFrom(original.labelEn, original.labelZh)) && label) patch.label = label;
  const before = propertyValues(original, specs);
  const after = propertyValues(state, specs);
  for (const spec of specs) {
    const was = before[spec.name];
    const now = after[spec.name];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    if (now !== undefined) patch[spec.name] = now;
    else if (spec.widget === 'boolean' && was === true) patch[spec.name] = false;
  }
  return patch;
}
