import type { FormulaFunction, FormulaType } from './ast.js';

type CallResult = { type: FormulaType } | { error: string };

const time = (t: FormulaType) => t === 'date' || t === 'datetime';

/** Two types that may meet (IF branches, COALESCE, MIN/MAX); date and datetime meet as datetime. */
export function unifyTypes(types: FormulaType[]): FormulaType | undefined {
  let unified: FormulaType | undefined;
  for (const t of types) {
    if (unified === undefined || unified === t) unified = t;
    else if (time(unified) && time(t)) unified = 'datetime';
    else return undefined;
  }
  return unified;
}

/** Checks the arguments of a function call and gives its result type. */
export function callType(name: FormulaFunction, args: FormulaType[]): CallResult {
  const arity = (min: number, max = min): string | undefined =>
    args.length < min || args.length > max
      ? `${name} takes ${min === max ? min : max === Infinity ? `at least ${min}` : `${min} to ${max}`} argument${max === 1 ? '' : 's'}`
      : undefined;
  const all = (t: FormulaType | ((t: FormulaType) => boolean), what: string): string | undefined => {
    const ok = typeof t === 'function' ? t : (x: FormulaType) => x === t;
    const bad = args.findIndex((a) => !ok(a));
    return bad >= 0 ? `argument ${bad + 1} of ${name} must be ${what}, not ${args[bad]}` : undefined;
  };
  const result = (type: FormulaType | undefined, ...problems: (string | undefined)[]): CallResult => {
    const problem = problems.find((p) => p !== undefined);
    if (problem) return { error: problem };
    return type ? { type } : { error: `the arguments of ${name} have different types (${args.join(', ')})` };
  };
  switch (name) {
    case 'IF': {
      const a = arity(3);
      const cond = args[0] === 'boolean' ? undefined : `the condition of IF must be boolean, not ${args[0]}`;
      return result(a ? undefined : unifyTypes(args.slice(1)), a, cond);
    }
    case 'AND': case 'OR': return result('boolean', arity(1, Infinity), all('boolean', 'boolean'));
    case 'NOT': return result('boolean', arity(1), all('boolean', 'boolean'));
    case 'CONCAT': return result('text', arity(1, Infinity));
    case 'ROUND': return result('number', arity(1, 2), all('number', 'a number'));
    case 'ABS': return result('number', arity(1), all('number', 'a number'));
    case 'MIN': case 'MAX': {
      const ordered = all((t) => t !== 'boolean', 'a number, text or date');
      return result(unifyTypes(args), arity(1, Infinity), ordered);
    }
    case 'COALESCE': return result(unifyTypes(args), arity(1, Infinity));
    case 'DAYS_BETWEEN': return result('number', arity(2), all(time, 'a date'));
    case 'TODAY': return result('date', arity(0));
    case 'NOW': return result('datetime', arity(0));
    case 'LEN': return result('number', arity(1), all('text', 'text'));
    case 'UPPER': case 'LOWER': return result('text', arity(1), all('text', 'text'));
  }
}
