import type { ConditionNode, ResolvedField } from './ast.js';

/** A field a condition reads: the dotted path and where it resolved. */
export interface ConditionFieldRef {
  path: string;
  field: ResolvedField;
}

/**
 * Every field a condition reads (compared fields and `$field.` operands), once each,
 * in order of appearance, with the joins taken, for field-permission checks.
 */
export function conditionFieldRefs(ast: ConditionNode): ConditionFieldRef[] {
  const seen = new Map<string, ConditionFieldRef>();
  const visit = (node: ConditionNode): void => {
    switch (node.kind) {
      case 'and':
      case 'or':
        node.items.forEach(visit);
        return;
      case 'not':
        visit(node.item);
        return;
      case 'compare': {
        const refs = [{ path: node.path.join('.'), field: node.field }];
        if (node.value.kind === 'field') refs.push({ path: node.value.path.join('.'), field: node.value.field });
        for (const r of refs) if (!seen.has(r.path)) seen.set(r.path, r);
      }
    }
  };
  visit(ast);
  return [...seen.values()];
}

/** The dotted paths of every field a condition reads (`['amount', 'account.industry']`). */
export function conditionFields(ast: ConditionNode): string[] {
  return conditionFieldRefs(ast).map((r) => r.path);
}
