import type { ConditionJson } from '@loom/metadata';

/** A condition on one line for a designer (`amount ≥ 100000 and stage in [won]`), or '' for none. */
export function conditionText(condition: unknown): string {
  if (!condition || typeof condition !== 'object' || Object.keys(condition).length === 0) return '';
  return describe(condition as ConditionJson);
}

const SYMBOLS: Record<string, string> = {
  $eq: '=', $ne: '≠', $gt: '>', $gte: '≥', $lt: '<', $lte: '≤', $in: 'in', $nin: 'not in',
  $contains: 'contains', $startsWith: 'starts with', $exists: 'exists', $empty: 'is empty',
};

function value(operand: unknown): string {
  if (Array.isArray(operand)) return `[${operand.map(value).join(', ')}]`;
  return typeof operand === 'string' ? operand : JSON.stringify(operand);
}

function describe(condition: ConditionJson): string {
  const parts: string[] = [];
  for (const [key, operand] of Object.entries(condition)) {
    if (key === '$and' || key === '$or') {
      const inner = (Array.isArray(operand) ? operand : []).map((item) => describe(item as ConditionJson));
      parts.push(inner.length > 1 ? `(${inner.join(key === '$and' ? ' and ' : ' or ')})` : (inner[0] ?? ''));
    } else if (key === '$not') {
      parts.push(`not (${describe(operand as ConditionJson)})`);
    } else if (operand && typeof operand === 'object' && !Array.isArray(operand)) {
      for (const [operator, argument] of Object.entries(operand)) {
        parts.push(`${key} ${SYMBOLS[operator] ?? operator} ${value(argument)}`);
      }
    } else {
      parts.push(`${key} = ${value(operand)}`);
    }
  }
  return parts.join(' and ');
}
