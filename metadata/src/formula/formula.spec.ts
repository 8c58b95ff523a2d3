import { describe, expect, it } from 'vitest';
import { salesSet } from '../fixtures/sales-set.fixture.js';
import { formulaFields } from './formula-fields.js';
import { parseFormula } from './parse-formula.js';
import { fitsResultType, typeFormula } from './type-formula.js';

const set = salesSet();
const ast = (src: string) => {
  const r = parseFormula(src);
  expect(r.errors).toEqual([]);
  return r.ast!;
};
const typeOf = (src: string, object = 'opportunity') => typeFormula(ast(src), object, set);

describe('parseFormula', () => {
  it('respects precedence: * over +, + over &, & over comparison', () => {
    expect(ast('1 + 2 * 3')).toMatchObject({ kind: 'binary', op: '+', right: { kind: 'binary', op: '*' } });
    expect(ast('a & b + 1')).toMatchObject({ op: '&', right: { op: '+' } });
    expect(ast('a & "x" = "y"')).toMatchObject({ op: '=', left: { op: '&' } });
    expect(ast('(1 + 2) * 3')).toMatchObject({ op: '*', left: { op: '+' } });
    expect(ast('10 - 2 - 3')).toMatchObject({ op: '-', left: { op: '-', left: { value: 10 } }, right: { value: 3 } });
  });

  it('reads literals, dotted field references, unary minus and <> as !=', () => {
    expect(ast('-amount')).toMatchObject({ kind: 'unary', op: '-', operand: { kind: 'field', path: ['amount'] } });
    expect(ast('account.parent.name')).toEqual({ kind: 'field', path: ['account', 'parent', 'name'], pos: 0 });
    expect(ast("'it\\'s'")).toMatchObject({ kind: 'string', value: "it's" });
    expect(ast('TRUE')).toMatchObject({ kind: 'boolean', value: true });
    expect(ast('1.5e2')).toMatchObject({ kind: 'number', value: 150 });
    expect(ast('a <> b')).toMatchObject({ op: '!=' });
  });

  it('reads function calls case-insensitively, with any number of arguments', () => {
    expect(ast('if(a > 1, "big", "small")')).toMatchObject({ kind: 'call', name: 'IF', args: [{ op: '>' }, {}, {}] });
    expect(ast('TODAY()')).toMatchObject({ kind: 'call', name: 'TODAY', args: [] });
  });

  it.each([
    ['amount *', 'unexpected end of formula', 8],
    ['amount # 2', 'unexpected character "#"', 7],
    ['"open', 'unterminated string', 0],
    ['EVAL("1")', 'unknown function EVAL', 0],
    ['ROUND(1, 2', 'expected ")" to close ROUND(, found end of formula', 10],
    ['(1 + 2', 'expected ")" to close "(", found end of formula', 6],
    ['1 2', 'unexpected "2"', 2],
    [')', 'unexpected ")"', 0],
  ])('reports %j at its position', (src, message, position) => {
    expect(parseFormula(src)).toEqual({ ast: null, errors: [{ message, position, code: 'formula_syntax' }] });
  });

  it('bounds length and nesting', () => {
    expect(parseFormula('1+'.repeat(2001) + '1').errors[0]!.message).toMatch(/at most 4000/);
    expect(parseFormula('('.repeat(60) + '1' + ')'.repeat(60)).errors[0]!.message).toMatch(/nest at most 50/);
    expect(parseFormula('-'.repeat(60) + '1').errors[0]!.message).toMatch(/nest at most 50/);
  });

  it('never evaluates anything', () => {
    expect(parseFormula('constructor.constructor("x")').errors[0]!.code).toBe('formula_syntax');
  });
});

describe('typeFormula', () => {
  it.each([
    ['amount * probability / 100', 'number'],
    ['name & " (" & stage & ")"', 'text'],
    ['IF(amount > 1000, "big", "small")', 'text'],
    ['AND(amount > 0, NOT(probability = 0))', 'boolean'],
    ['DAYS_BETWEEN(open_date, close_date)', 'number'],
    ['close_date - open_date', 'number'],
    ['close_date + 7', 'date'],
    ['created_at + 1', 'datetime'],
    ['COALESCE(close_date, created_at)', 'datetime'],
    ['ROUND(COALESCE(amount, 0) * 1.13, 2)', 'number'],
    ['MAX(amount, cost, 0)', 'number'],
    ['LEN(UPPER(account.name))', 'number'],
    ['CONCAT(name, 1, TRUE)', 'text'],
    ['TODAY()', 'date'],
    ['NOW() > created_at', 'boolean'],
    ['weighted / 2', 'number'],
    ['account.open_amount + 1', 'number'],
    ['owner', 'text'],
  ])('%s → %s', (src, type) => {
    expect(typeOf(src)).toEqual({ type, errors: [] });
  });

  it.each([
    ['amount + name', 'cannot apply "+" to number and text', 7],
    ['nope * 2', 'unknown field "nope" on opportunity', 0],
    ['account.nope', 'unknown field "nope" on account', 0],
    ['IF(amount, 1, 2)', 'the condition of IF must be boolean, not number', 0],
    ['IF(TRUE, 1, "x")', 'the arguments of IF have different types (boolean, number, text)', 0],
    ['ROUND("x")', 'argument 1 of ROUND must be a number, not text', 0],
    ['TODAY(1)', 'TODAY takes 0 arguments', 0],
    ['LEN()', 'LEN takes 1 argument', 0],
    ['-name', 'cannot negate text', 0],
    ['meta & "x"', 'json field "meta" cannot be used in a formula', 0],
    ['TRUE < FALSE', 'cannot apply "<" to boolean and boolean', 5],
    ['old_code', 'field "old_code" on opportunity is archived', 0],
  ])('%s → error at its position', (src, message, position) => {
    expect(typeOf(src)).toEqual({ type: null, errors: [{ message, position, code: 'formula_type' }] });
  });

  it('reports every error without cascading', () => {
    expect(typeOf('nope + also_nope').errors.map((e) => e.position)).toEqual([0, 7]);
  });

  it('matches result types', () => {
    expect(fitsResultType('number', 'currency')).toBe(true);
    expect(fitsResultType('date', 'datetime')).toBe(true);
    expect(fitsResultType('text', 'number')).toBe(false);
  });
});

describe('formulaFields', () => {
  it('lists every field path once', () => {
    expect(formulaFields(ast('IF(amount > cost, amount - cost, 0) & account.name'))).toEqual(['amount', 'cost', 'account.name']);
  });
});
