import { parseFormula } from '../../formula/parse-formula.js';
import { formulaFields } from '../../formula/formula-fields.js';
import { childPointer, pointer } from '../../json/json-pointer.js';
import { findField } from '../../set/find-definitions.js';
import { resolveFieldPath } from '../../set/resolve-field-path.js';
import type { ObjectDef } from '../../types/object-def.js';
import type { ReferenceContext } from './reference-context.js';

/**
 * Finds loops among computed fields: a formula reading (through other formulas
 * and rollups, across relations) its own value. Reported once per loop, on the
 * field where the walk found it, with the whole loop in the message.
 */
export function checkFormulaCycles(ctx: ReferenceContext, objects: ObjectDef[]): void {
  const edges = new Map<string, string[]>();
  for (const obj of objects) {
    for (const [name, field] of Object.entries(obj.fields)) {
      const node = `${obj.name}.${name}`;
      if (field.type === 'formula') {
        const ast = parseFormula(field.expression).ast;
        const reads = ast ? formulaFields(ast) : [];
        edges.set(node, reads.flatMap((p) => {
          const res = resolveFieldPath(ctx.set, obj.name, p.split('.'));
          return res.field ? [`${res.field.object}.${res.field.name}`] : [];
        }));
      } else if (field.type === 'rollup' && field.field !== undefined) {
        edges.set(node, [`${field.object}.${field.field}`]);
      }
    }
  }
  const done = new Set<string>();
  const onStack: string[] = [];
  const visit = (node: string): void => {
    if (done.has(node)) return;
    const loopStart = onStack.indexOf(node);
    if (loopStart >= 0) {
      const loop = [...onStack.slice(loopStart), node];
      const [object, field] = node.split('.') as [string, string];
      ctx.errors.add(errorPath(ctx, object, field), `computed fields depend on each other in a loop: ${loop.join(' → ')}`, 'formula_cycle');
      return;
    }
    onStack.push(node);
    for (const next of edges.get(node) ?? []) if (edges.has(next)) visit(next);
    onStack.pop();
    done.add(node);
  };
  for (const node of edges.keys()) visit(node);
}

function errorPath(ctx: ReferenceContext, object: string, field: string): string {
  const def = findField(ctx.set, object, field);
  const at = pointer('objects', object, 'fields', field);
  return def?.type === 'formula' ? childPointer(at, 'expression') : at;
}
