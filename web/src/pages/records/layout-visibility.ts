import { evaluateCondition, layoutFieldName, parseCondition } from '@loom/metadata';
import type { ConditionNode, ConditionVariables, LayoutDef, MetadataSet } from '@loom/metadata';
import type { FormSection, FormValues } from './record-form-model';

/** A layout's `visibleWhen` rules, parsed once: by section name and by field name. */
export interface VisibilityRules {
  sections: Record<string, ConditionNode>;
  fields: Record<string, ConditionNode>;
}

export const NO_RULES: VisibilityRules = Object.freeze({ sections: {}, fields: {} });

/**
 * Parses the layout's section and field conditions against its object. A rule that does not
 * parse here (it names a field this user cannot read) is dropped: the element stays shown,
 * as it would be without the rule, rather than hidden for a reason the user cannot see.
 */
export function visibilityRules(layout: LayoutDef | undefined, set: Partial<MetadataSet>): VisibilityRules {
  if (!layout) return NO_RULES;
  const rules: VisibilityRules = { sections: {}, fields: {} };
  const parse = (json: unknown) => (json === undefined ? null : parseCondition(json, { object: layout.object, set }).ast);
  for (const section of layout.sections ?? []) {
    const sectionRule = parse(section.visibleWhen);
    if (sectionRule) rules.sections[section.name] = sectionRule;
    for (const entry of section.fields) {
      const fieldRule = typeof entry === 'string' ? null : parse(entry.visibleWhen);
      if (fieldRule) rules.fields[layoutFieldName(entry)] = fieldRule;
    }
  }
  return rules;
}

/** The fields the form hides for these values: those whose own rule, or whose section's rule, is false. */
export function hiddenFields(sections: FormSection[], rules: VisibilityRules, values: FormValues, vars: ConditionVariables = {}): Set<string> {
  const hidden = new Set<string>();
  const holds = (rule: ConditionNode | undefined) => !rule || evaluateCondition(rule, values, vars);
  for (const section of sections) {
    const sectionShown = holds(rules.sections[section.name]);
    for (const name of section.fields) if (!sectionShown || !holds(rules.fields[name])) hidden.add(name);
  }
  return hidden;
}

/** The sections as shown: hidden fields left out, and sections left empty by that dropped. */
export function shownSections(sections: FormSection[], hidden: ReadonlySet<string>): FormSection[] {
  return sections
    .map((section) => ({ ...section, fields: section.fields.filter((name) => !hidden.has(name)) }))
    .filter((section) => section.fields.length > 0);
}

/**
 * The form's values read so that a computed over them tracks every key, including keys added later:
 * the evaluator tests keys with `Object.hasOwn`, which a reactive proxy does not track, so a rule
 * evaluated before the record loaded would otherwise never run again.
 */
export function trackedValues(values: FormValues): FormValues {
  return { ...values };
}
