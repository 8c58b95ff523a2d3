import type { FieldDef } from '../types/field-def.js';
import type { SystemFieldDef } from '../identifiers/system-fields.js';

/**
 * The parsed condition (DESIGN.md §2). The server's SQL compiler and
 * `evaluateCondition` both read this; its semantics, shared by both:
 * - `eq`/`ne` with a null literal test for null; `ne`/`nin` are null-safe
 *   (`IS DISTINCT FROM`: a null value is "not equal" to any non-null value);
 * - `gt`…`lte` are false when either side is null;
 * - `eq`/`ne` on multiselect, tags and manyToMany fields compare as sets (order ignored);
 * - `in`/`nin` on multiselect, tags and manyToMany fields mean "overlaps" / "does not overlap";
 * - `contains` is a case-insensitive substring on text, an element test on arrays;
 *   `startsWith` is a case-insensitive prefix;
 * - `exists` (value true/false) tests not-null; `empty` (true/false) tests null, '' or [];
 * - `anniversary` matches month and day (a 29 February date matches 28 February in other years);
 * - variables: `user.id` the caller, `user.team` the ids of the users in the caller's team,
 *   `user.subordinates` the ids of the users below the caller, `now` a timestamp, `today` a UTC date.
 */
export type ConditionNode =
  | { kind: 'and'; items: ConditionNode[] }
  | { kind: 'or'; items: ConditionNode[] }
  | { kind: 'not'; item: ConditionNode }
  | { kind: 'compare'; path: string[]; field: ResolvedField; op: CompareOp; value: Operand };

export type CompareOp =
  | 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin'
  | 'contains' | 'startsWith' | 'exists' | 'empty' | 'anniversary';

export type VariableName = 'user.id' | 'user.team' | 'user.subordinates' | 'now' | 'today';

export type Operand =
  | { kind: 'literal'; value: unknown } // for in/nin: an array
  | { kind: 'variable'; name: VariableName }
  | { kind: 'field'; path: string[]; field: ResolvedField };

export interface ResolvedField {
  object: string;
  name: string;
  def: FieldDef | SystemFieldDef;
  /** The manyToOne hops taken, in order. */
  joins: { from: string; field: string; to: string }[];
}

/** The always-true condition (`{}`). */
export const TRUE_CONDITION: ConditionNode = Object.freeze({ kind: 'and', items: [] }) as ConditionNode;
