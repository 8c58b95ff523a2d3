import {
  conditionFields, evaluateCondition, labelText, parseCondition,
  type ConditionNode, type ConditionVariables, type Label, type Locale, type MetadataSet, type ObjectDef,
} from '@loom/metadata';
import type { ProblemItem } from '../../common/problem.js';

/** An object's validation rule, parsed once per revision. */
export interface CompiledRule {
  name: string;
  ast: ConditionNode;
  message: Label;
  /** `/` + the first field the rule names, or `/` when it names none. */
  path: string;
}

export interface CheckRulesOptions {
  locale?: Locale;
  /** `$user.*`, `$now`, `$today`; a rule reading a variable that is not given fails. */
  variables?: ConditionVariables;
}

/**
 * Parses an object's `validations` (DESIGN.md §2). Published metadata has been
 * checked, so a rule that does not parse here is a server fault, not bad input.
 */
export function compileValidationRules(object: ObjectDef, set: Partial<MetadataSet>): CompiledRule[] {
  return (object.validations ?? []).map((rule) => {
    const { ast, errors } = parseCondition(rule.condition, { object: object.name, set });
    if (!ast) {
      const why = errors.map((e) => `${e.path || '/'} ${e.message}`).join('; ');
      throw new Error(`validation rule "${rule.name}" of object "${object.name}" does not parse: ${why}`);
    }
    const first = conditionFields(ast)[0];
    return { name: rule.name, ast, message: rule.message, path: first ? `/${first.split('.')[0]}` : '/' };
  });
}

/** The rules `record` breaks (a rule holds when its condition is true), as problems. */
export function checkValidationRules(
  rules: readonly CompiledRule[], record: Record<string, unknown>, options: CheckRulesOptions = {},
): ProblemItem[] {
  return rules
    .filter((rule) => !evaluateCondition(rule.ast, record, options.variables))
    .map((rule) => ({ path: rule.path, message: labelText(rule.message, options.locale ?? 'en') ?? rule.name }));
}
