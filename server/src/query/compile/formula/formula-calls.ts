import type { FormulaFunction } from '@loom/metadata';
import type { CompileState } from '../../plan/compile-state.js';
import { QueryError } from '../../query-error.js';
import { dateDifference } from './formula-binary.js';
import { unify, type FormulaExpr } from './formula-types.js';

/** Formula functions → SQL; argument types were checked by typeFormula when the metadata was saved. */
export function compileCall(state: CompileState, name: FormulaFunction, args: FormulaExpr[]): FormulaExpr {
  const sqls = args.map((a) => a.sql);
  const expect = (min: number, max = min): void => {
    if (args.length < min || args.length > max) throw QueryError.unprocessable('', `${name} takes ${min}–${max} arguments, not ${args.length}`);
  };
  switch (name) {
    case 'IF': {
      expect(3);
      const [then, otherwise] = unify(args.slice(1), 'IF');
      return { sql: `CASE WHEN ${sqls[0]} THEN ${then!.sql} ELSE ${otherwise!.sql} END`, type: then!.type };
    }
    case 'AND': case 'OR':
      expect(1, Infinity);
      return { sql: `(${sqls.join(` ${name} `)})`, type: 'boolean' };
    case 'NOT':
      expect(1);
      return { sql: `(NOT ${sqls[0]})`, type: 'boolean' };
    case 'CONCAT':
      expect(1, Infinity);
      return { sql: `concat(${sqls.join(', ')})`, type: 'text' };
    case 'ROUND':
      expect(1, 2);
      return {
        sql: args.length === 1 ? `round(CAST(${sqls[0]} AS numeric))` : `round(CAST(${sqls[0]} AS numeric), CAST(${sqls[1]} AS integer))`,
        type: 'number',
      };
    case 'ABS':
      expect(1);
      return { sql: `abs(${sqls[0]})`, type: 'number' };
    case 'MIN': case 'MAX': case 'COALESCE': {
      expect(1, Infinity);
      const items = unify(args, name);
      const fn = name === 'MIN' ? 'LEAST' : name === 'MAX' ? 'GREATEST' : 'COALESCE';
      return { sql: `${fn}(${items.map((i) => i.sql).join(', ')})`, type: items[0]!.type };
    }
    case 'DAYS_BETWEEN':
      expect(2);
      return dateDifference(args[0]!, args[1]!);
    case 'TODAY':
      expect(0);
      return { sql: state.params.add(state.ctx.today, 'date'), type: 'date' };
    case 'NOW':
      expect(0);
      return { sql: state.params.add(state.ctx.now.toISOString(), 'timestamptz'), type: 'datetime' };
    case 'LEN':
      expect(1);
      return { sql: `char_length(${sqls[0]})`, type: 'number' };
    case 'UPPER': case 'LOWER':
      expect(1);
      return { sql: `${name.toLowerCase()}(${sqls[0]})`, type: 'text' };
  }
}
