import { fieldValueKind, type ValueKind } from '../set/field-value-kind.js';
import { resolveFieldPath } from '../set/resolve-field-path.js';
import type { FormulaResultType } from '../types/field-def.js';
import type { MetadataSet } from '../types/metadata-set.js';
import type { FormulaError, FormulaNode, FormulaType } from './ast.js';
import { callType } from './function-signatures.js';

export interface TypeFormulaResult {
  type: FormulaType | null;
  errors: FormulaError[];
}

/**
 * Infers the type of a parsed formula on `object`, resolving field references
 * (dotted through manyToOne relations, at most 3 hops).
 * @example typeFormula(parseFormula('amount * 2').ast!, 'opportunity', set) // { type: 'number', errors: [] }
 */
export function typeFormula(ast: FormulaNode, object: string, set: Partial<MetadataSet>): TypeFormulaResult {
  const errors: FormulaError[] = [];
  const type = typeOf(ast, object, set, errors);
  return { type: errors.length ? null : type, errors };
}

const KIND_TYPES: Partial<Record<ValueKind, FormulaType>> = {
  number: 'number', text: 'text', option: 'text', stage: 'text', id: 'text', user: 'text',
  boolean: 'boolean', date: 'date', datetime: 'datetime',
};

/** The type of a node, or null after reporting an error (callers then stay quiet). */
export function typeOf(node: FormulaNode, object: string, set: Partial<MetadataSet>, errors: FormulaError[]): FormulaType | null {
  const fail = (message: string, pos = node.pos): null => {
    errors.push({ message, position: pos, code: 'formula_type' });
    return null;
  };
  switch (node.kind) {
    case 'number': return 'number';
    case 'string': return 'text';
    case 'boolean': return 'boolean';
    case 'field': {
      const res = resolveFieldPath(set, object, node.path);
      if (res.error) return fail(res.error.message);
      const kind = fieldValueKind(res.field.def, set);
      return KIND_TYPES[kind] ?? fail(`${res.field.def.type} field "${node.path.join('.')}" cannot be used in a formula`);
    }
    case 'unary': {
      const t = typeOf(node.operand, object, set, errors);
      return t === null ? null : t === 'number' ? 'number' : fail(`cannot negate ${t}`);
    }
    case 'binary': {
      const l = typeOf(node.left, object, set, errors);
      const r = typeOf(node.right, object, set, errors);
      if (l === null || r === null) return null;
      return binaryType(node.op, l, r) ?? fail(`cannot apply "${node.op}" to ${l} and ${r}`);
    }
    case 'call': {
      const args = node.args.map((a) => typeOf(a, object, set, errors));
      if (args.some((a) => a === null)) return null;
      const res = callType(node.name, args as FormulaType[]);
      return 'error' in res ? fail(res.error) : res.type;
    }
  }
}

function binaryType(op: string, l: FormulaType, r: FormulaType): FormulaType | undefined {
  const time = (t: FormulaType) => t === 'date' || t === 'datetime';
  switch (op) {
    case '*': case '/':
      return l === 'number' && r === 'number' ? 'number' : undefined;
    case '+':
      if (l === 'number' && r === 'number') return 'number';
      if (time(l) && r === 'number') return l;
      return time(r) && l === 'number' ? r : undefined;
    case '-':
      if (l === 'number' && r === 'number') return 'number';
      if (time(l) && r === 'number') return l;
      return time(l) && time(r) ? 'number' : undefined; // days between
    case '&':
      return 'text';
    case '=': case '!=':
      return l === r || (time(l) && time(r)) ? 'boolean' : undefined;
    default: // < <= > >=
      return (l === r && l !== 'boolean') || (time(l) && time(r)) ? 'boolean' : undefined;
  }
}

/** Whether a formula's inferred type fits the field's declared `resultType`. */
export function fitsResultType(type: FormulaType, resultType: FormulaResultType): boolean {
  if (type === 'number') return ['number', 'integer', 'currency', 'percent'].includes(resultType);
  if (type === 'date') return resultType === 'date' || resultType === 'datetime';
  return type === resultType;
}
