/** Positions are 0-based character offsets into the expression. */
export type FormulaNode =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'boolean'; value: boolean; pos: number }
  /** A field reference; dotted paths follow manyToOne relations. */
  | { kind: 'field'; path: string[]; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: FormulaNode; right: FormulaNode; pos: number }
  | { kind: 'unary'; op: '-'; operand: FormulaNode; pos: number }
  | { kind: 'call'; name: FormulaFunction; args: FormulaNode[]; pos: number };

/** `&` concatenates text; `<>` is read as `!=`. */
export type BinaryOp = '+' | '-' | '*' | '/' | '&' | '=' | '!=' | '<' | '<=' | '>' | '>=';

export const FORMULA_FUNCTIONS = [
  'IF', 'AND', 'OR', 'NOT', 'CONCAT', 'ROUND', 'ABS', 'MIN', 'MAX', 'COALESCE',
  'DAYS_BETWEEN', 'TODAY', 'NOW', 'LEN', 'UPPER', 'LOWER',
] as const;
export type FormulaFunction = (typeof FORMULA_FUNCTIONS)[number];

/** The type of a formula's value. */
export type FormulaType = 'number' | 'text' | 'boolean' | 'date' | 'datetime';

export interface FormulaError {
  message: string;
  /** 0-based offset into the expression. */
  position: number;
  code: string;
}
