import type { ConditionNode, MetadataSet } from '@loom/metadata';
import type { QueryContext } from '../query-context.js';
import type { Params } from '../sql/params.js';
import type { Aliases } from './aliases.js';
import type { Source } from './source.js';

/** How a permission layer plugs in: read scopes and hidden fields per object. */
export interface ReadAccess {
  /** The read scope of an object's records (joined, expanded or rolled up targets); undefined = all. */
  scopeFor?: (object: string) => ConditionNode | undefined;
  /** Fields of an object the caller may not read; undefined = none. */
  hiddenFor?: (object: string) => ReadonlySet<string> | undefined;
}

/** Everything one statement's compilation shares: metadata, caller, parameters, aliases. */
export interface CompileState {
  readonly set: MetadataSet;
  readonly ctx: QueryContext;
  readonly params: Params;
  readonly aliases: Aliases;
  readonly access: ReadAccess;
  /** Formula fields being compiled (`opportunity.weighted`), to stop a reference cycle. */
  readonly formulaStack: string[];
  /** The condition compiler, injected so joins can apply a target's scope without an import cycle. */
  readonly compileCondition: (node: ConditionNode, source: Source) => string;
}
