import { FORMULA_FUNCTIONS, type BinaryOp, type FormulaError, type FormulaFunction, type FormulaNode } from './ast.js';
import { tokenize, type Token } from './tokenize.js';

export const MAX_FORMULA_LENGTH = 4000;
const MAX_NESTING = 50;

/** Binary operators by precedence, lowest first; all left-associative. */
const LEVELS: readonly (readonly BinaryOp[])[] = [
  ['=', '!=', '<', '<=', '>', '>='],
  ['&'],
  ['+', '-'],
  ['*', '/'],
];

export interface ParseFormulaResult {
  ast: FormulaNode | null;
  errors: FormulaError[];
}

/**
 * Parses a formula (hand-written recursive descent; nothing is evaluated).
 * @example parseFormula('amount * probability / 100')
 */
export function parseFormula(source: string): ParseFormulaResult {
  if (source.length > MAX_FORMULA_LENGTH) {
    return fail({ message: `formulas are at most ${MAX_FORMULA_LENGTH} characters`, position: MAX_FORMULA_LENGTH, code: 'formula_syntax' });
  }
  const { tokens, error } = tokenize(source);
  if (error) return fail(error);
  const parser = new FormulaParser(tokens);
  try {
    const ast = parser.expression(0);
    parser.expectEnd();
    return { ast, errors: [] };
  } catch (e) {
    if (e instanceof SyntaxProblem) return fail(e.error);
    throw e;
  }
}

function fail(error: FormulaError): ParseFormulaResult {
  return { ast: null, errors: [error] };
}

class SyntaxProblem extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

class FormulaParser {
  private index = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  expression(level: number): FormulaNode {
    if (level === LEVELS.length) return this.unary();
    let left = this.expression(level + 1);
    for (let t = this.peek(); t.kind === 'op' && (LEVELS[level] as readonly string[]).includes(t.value); t = this.peek()) {
      this.index++;
      const right = this.expression(level + 1);
      left = { kind: 'binary', op: t.value as BinaryOp, left, right, pos: t.pos };
    }
    return left;
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end') this.error(`unexpected ${describe(t)}`, t.pos);
  }

  private unary(): FormulaNode {
    const t = this.peek();
    if (t.kind === 'op' && (t.value === '-' || t.value === '+')) {
      this.index++;
      const operand = this.nested(() => this.unary(), t.pos);
      return t.value === '-' ? { kind: 'unary', op: '-', operand, pos: t.pos } : operand;
    }
    return this.primary();
  }

  private primary(): FormulaNode {
    const t = this.next();
    switch (t.kind) {
      case 'number': return { kind: 'number', value: t.value, pos: t.pos };
      case 'string': return { kind: 'string', value: t.value, pos: t.pos };
      case 'name': return this.name(t);
      case 'op':
        if (t.value === '(') {
          const inner = this.nested(() => this.expression(0), t.pos);
          this.expect(')', 'to close "("');
          return inner;
        }
        return this.error(`unexpected ${describe(t)}`, t.pos);
      case 'end': return this.error('unexpected end of formula', t.pos);
    }
  }

  private name(t: Extract<Token, { kind: 'name' }>): FormulaNode {
    const upper = t.value.toUpperCase();
    const next = this.peek();
    if (next.kind === 'op' && next.value === '(') {
      if (!(FORMULA_FUNCTIONS as readonly string[]).includes(upper)) this.error(`unknown function ${t.value}`, t.pos);
      this.index++;
      const args: FormulaNode[] = [];
      if (!this.isOp(')')) {
        do args.push(this.nested(() => this.expression(0), t.pos));
        while (this.accept(','));
      }
      this.expect(')', `to close ${upper}(`);
      return { kind: 'call', name: upper as FormulaFunction, args, pos: t.pos };
    }
    if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', pos: t.pos };
    return { kind: 'field', path: t.value.split('.'), pos: t.pos };
  }

  private nested<T>(parse: () => T, pos: number): T {
    if (++this.depth > MAX_NESTING) this.error(`formulas may nest at most ${MAX_NESTING} levels`, pos);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.index++;
    return t;
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }
  private accept(value: string): boolean {
    if (!this.isOp(value)) return false;
    this.index++;
    return true;
  }
  private expect(value: string, why: string): void {
    if (!this.accept(value)) {
      const t = this.peek();
      this.error(`expected "${value}" ${why}, found ${describe(t)}`, t.pos);
    }
  }
  private error(message: string, position: number): never {
    throw new SyntaxProblem({ message, position, code: 'formula_syntax' });
  }
}

function describe(t: Token): string {
  if (t.kind === 'end') return 'end of formula';
  if (t.kind === 'string') return `string ${JSON.stringify(t.value)}`;
  return `"${t.value}"`;
}
