import { layoutFieldName } from '@loom/metadata';
import type { ConditionJson, LayoutDef, LayoutList, LayoutSection } from '@loom/metadata';
import { cloneJson, extraProps, labelForm, labelFromForm, setDefined } from '@/designers/label-form';
import type { LabelForm } from '@/designers/label-form';

export interface SectionForm {
  uid: number;
  name: string;
  label: LabelForm;
  /** null: not written (the form's default). */
  columns: 1 | 2 | 3 | 4 | null;
  collapsed: boolean | null;
  /** Shown only while this holds; undefined: always. */
  visibleWhen: ConditionJson | undefined;
  /** Field names; their `visibleWhen` rules are in the form's `fieldRules`, so they follow a field that moves. */
  fields: string[];
}

export interface LayoutForm {
  name: string;
  label: LabelForm;
  object: string;
  isDefault: boolean | null;
  sections: SectionForm[];
  /** Field name → the condition it is shown under (a field sits in one section only). */
  fieldRules: Record<string, ConditionJson | undefined>;
  /** The list view's columns and sort; null: the layout has no `list`. */
  list: { columns: string[]; sort: string[]; sortNamed: boolean } | null;
  extra: Record<string, unknown>;
}

const LAYOUT_PROPS = ['kind', 'name', 'label', 'object', 'default', 'sections', 'list'];

let lastUid = 0;
const nextUid = () => (lastUid += 1);

export function sectionForm(section: Partial<LayoutSection> = {}): SectionForm {
  return {
    uid: nextUid(),
    name: section.name ?? '',
    label: labelForm(section.label),
    columns: section.columns ?? null,
    collapsed: section.collapsed ?? null,
    visibleWhen: section.visibleWhen ? cloneJson(section.visibleWhen) : undefined,
    fields: (section.fields ?? []).map(layoutFieldName),
  };
}

export function layoutForm(document: Partial<LayoutDef>): LayoutForm {
  return {
    name: document.name ?? '',
    label: labelForm(document.label),
    object: document.object ?? '',
    isDefault: document.default ?? null,
    sections: (document.sections ?? []).map(sectionForm),
    fieldRules: fieldRulesOf(document.sections ?? []),
    list: document.list ? { columns: [...document.list.columns], sort: [...(document.list.sort ?? [])], sortNamed: document.list.sort !== undefined } : null,
    extra: cloneJson(extraProps(document, LAYOUT_PROPS)),
  };
}

function fieldRulesOf(sections: LayoutSection[]): Record<string, ConditionJson | undefined> {
  const rules: Record<string, ConditionJson | undefined> = {};
  for (const section of sections) {
    for (const entry of section.fields ?? []) if (typeof entry !== 'string' && entry.visibleWhen) rules[entry.field] = cloneJson(entry.visibleWhen);
  }
  return rules;
}

function sectionDocument(form: SectionForm, rules: LayoutForm['fieldRules']): LayoutSection {
  const fields = form.fields.map((name) => {
    const rule = rules[name];
    return rule ? { field: name, visibleWhen: cloneJson(rule) } : name;
  });
  const section: LayoutSection = { name: form.name.trim(), fields };
  setDefined(section, 'label', labelFromForm(form.label));
  setDefined(section, 'columns', form.columns ?? undefined);
  setDefined(section, 'collapsed', form.collapsed ?? undefined);
  setDefined(section, 'visibleWhen', form.visibleWhen ? cloneJson(form.visibleWhen) : undefined);
  return section;
}

/** The full layout document (what `PUT /api/metadata/layouts/{name}` gets). */
export function layoutDocument(form: LayoutForm): LayoutDef {
  const document: LayoutDef = {
    ...cloneJson(form.extra),
    kind: 'layout',
    name: form.name.trim(),
    object: form.object,
    sections: form.sections.map((section) => sectionDocument(section, form.fieldRules)),
  };
  setDefined(document, 'label', labelFromForm(form.label));
  setDefined(document, 'default', form.isDefault ?? undefined);
  if (form.list && form.list.columns.length) {
    const list: LayoutList = { columns: [...form.list.columns] };
    if (form.list.sort.length || form.list.sortNamed) list.sort = [...form.list.sort];
    document.list = list;
  }
  return document;
}

export interface FieldPlace {
  section: number;
  /** null: at the end of the section. */
  index: number | null;
}

/**
 * Moves a field from one place to another (within a section or across sections): dropped on a
 * field it goes before it, dropped on a section it goes last.
 */
export function moveField(form: LayoutForm, from: { section: number; index: number }, to: FieldPlace): void {
  const source = form.sections[from.section];
  const target = form.sections[to.section];
  if (!source || !target || from.index < 0 || from.index >= source.fields.length) return;
  const [field] = source.fields.splice(from.index, 1);
  let index = to.index ?? target.fields.length;
  if (to.index !== null && from.section === to.section && from.index < to.index) index -= 1;
  target.fields.splice(Math.max(0, Math.min(index, target.fields.length)), 0, field!);
}

/** The object's fields no section shows yet. */
export function unplacedFields(form: LayoutForm, all: readonly string[]): string[] {
  const placed = new Set(form.sections.flatMap((section) => section.fields));
  return all.filter((name) => !placed.has(name));
}

/** A section name not used yet: `section_1`, … */
export function newSectionName(form: LayoutForm): string {
  const used = new Set(form.sections.map((section) => section.name));
  let n = form.sections.length + 1;
  while (used.has(`section_${n}`)) n += 1;
  return `section_${n}`;
}

/** Every form item prop a server error path may point at (`sections.1.fields`, …). */
export function layoutErrorProps(form: LayoutForm): string[] {
  const props = ['name', 'label', 'object', 'default', 'sections', 'list', 'list.columns', 'list.sort', 'relatedLists'];
  form.sections.forEach((_section, index) => {
    for (const key of ['', '.name', '.label', '.columns', '.collapsed', '.visibleWhen', '.fields']) props.push(`sections.${index}${key}`);
  });
  return props;
}
