import type { MetadataSet } from '@loom/metadata';
import { Aliases } from '../plan/aliases.js';
import type { CompileState, ReadAccess } from '../plan/compile-state.js';
import type { QueryContext } from '../query-context.js';
import { Params } from '../sql/params.js';
import { compileCondition } from './compile-condition.js';

/** A fresh state for one statement: its own `$n` numbering and aliases. */
export function createCompileState(set: MetadataSet, ctx: QueryContext, access: ReadAccess = {}, paramOffset = 0): CompileState {
  const state: CompileState = {
    set,
    ctx,
    access,
    params: new Params(paramOffset),
    aliases: new Aliases(),
    formulaStack: [],
    compileCondition: (node, source) => compileCondition(node, source, state),
  };
  return state;
}
