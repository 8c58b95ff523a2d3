import type { FormulaNode } from './ast.js';

/** Every field path a formula reads (dotted, once each, in order): for cycles and where-used. */
export function formulaFields(ast: FormulaNode): string[] {
  const seen = new Set<string>();
  const visit = (node: FormulaNode): void => {
    switch (node.kind) {
      case 'field': seen.add(node.path.join('.')); return;
      case 'binary': visit(node.left); visit(node.right); return;
      case 'unary': visit(node.operand); return;
      case 'call': node.args.forEach(visit); return;
      default: return;
    }
  };
  visit(ast);
  return [...seen];
}
