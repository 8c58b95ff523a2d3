import type { FormulaError } from './ast.js';

export type Token =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'name'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

/** Longest operators first. */
const OPERATORS = ['<=', '>=', '!=', '<>', '+', '-', '*', '/', '&', '=', '<', '>', '(', ')', ','];
const NAME = /[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/y;

/** Splits an expression into tokens; stops at the first character it cannot read. */
export function tokenize(source: string): { tokens: Token[]; error?: FormulaError } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = /[\d.]/.test(ch) ? NUMBER.exec(source) : null;
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      tokens.push({ kind: 'name', value: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const str = readString(source, i);
      if ('error' in str) return { tokens, error: str.error };
      tokens.push({ kind: 'string', value: str.value, pos: i });
      i = str.end;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) return { tokens, error: { message: `unexpected character ${JSON.stringify(ch)}`, position: i, code: 'formula_syntax' } };
    tokens.push({ kind: 'op', value: op === '<>' ? '!=' : op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', pos: source.length });
  return { tokens };
}

/** A quoted string; a backslash escapes the next character. */
function readString(source: string, start: number): { value: string; end: number } | { error: FormulaError } {
  const quote = source[start];
  let value = '';
  for (let i = start + 1; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < source.length) {
      value += source[++i];
    } else {
      value += ch;
    }
  }
  return { error: { message: 'unterminated string', position: start, code: 'formula_syntax' } };
}
