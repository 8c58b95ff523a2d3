import { columnName, tableName, type ResolvedField } from '@loom/metadata';
import { whereList } from '../sql/boolean.js';
import { quoteQualified } from '../sql/quote-ident.js';
import type { CompileState } from './compile-state.js';

export type Hop = ResolvedField['joins'][number];

interface Join {
  object: string;
  alias: string;
  on: string;
  /** Joins the ON condition itself needs (a target scope with dotted paths). */
  nested?: Source;
}

export const DATA_SCHEMA = 'data';

/** `"data"."<object>"`. */
export function objectTable(object: string): string {
  return quoteQualified(DATA_SCHEMA, tableName(object));
}

/**
 * One FROM scope: a root table and the LEFT JOINs that dotted paths need, one per distinct
 * path prefix (`account`, `account.parent`), in first-use order. A joined row that is
 * soft-deleted — or, in a `scoped` source, outside the caller's read scope of its object —
 * joins as NULL, so nothing can match or be read through it.
 */
export class Source {
  private readonly joins: Join[] = [];
  private readonly aliasByPath = new Map<string, string>();

  constructor(
    readonly object: string,
    readonly alias: string,
    /** Apply `scopeFor(target)` to joins; off inside scopes themselves (trusted, and no recursion). */
    readonly scoped: boolean,
    /** The root relation instead of the object's table: a quoted CTE name of the statement holding rows of it. */
    private readonly rootRelation?: string,
  ) {}

  /** The alias of the object reached by following `hops` from the root, joining as needed. */
  aliasOf(state: CompileState, hops: readonly Hop[]): string {
    let alias = this.alias;
    let path = '';
    for (const hop of hops) {
      path = path ? `${path}.${hop.field}` : hop.field;
      alias = this.aliasByPath.get(path) ?? this.addJoin(state, path, alias, hop);
    }
    return alias;
  }

  get hasJoins(): boolean {
    return this.joins.length > 0;
  }

  /** `"data"."opportunity" AS "t0" LEFT JOIN …`. */
  fromSql(): string {
    return [`${this.rootRelation ?? objectTable(this.object)} AS ${quoteQualified(this.alias)}`, ...this.joinSql()].join(' ');
  }

  /** The LEFT JOIN clauses alone. */
  joinSql(): string[] {
    return this.joins.map((j) => {
      const table = `${objectTable(j.object)} AS ${quoteQualified(j.alias)}`;
      const target = j.nested?.hasJoins ? `(${[table, ...j.nested.joinSql()].join(' ')})` : table;
      return `LEFT JOIN ${target} ON ${j.on}`;
    });
  }

  private addJoin(state: CompileState, path: string, parentAlias: string, hop: Hop): string {
    const alias = state.aliases.next('t');
    this.aliasByPath.set(path, alias);
    const join: Join = { object: hop.to, alias, on: '' };
    this.joins.push(join);
    const column = columnName(hop.field, { type: 'relation' })!;
    const parts = [
      `${quoteQualified(alias, 'id')} = ${quoteQualified(parentAlias, column)}`,
      `${quoteQualified(alias, 'deleted_at')} IS NULL`,
    ];
    const scope = this.scoped ? state.access.scopeFor?.(hop.to) : undefined;
    if (scope) {
      join.nested = new Source(hop.to, alias, false);
      const sql = state.compileCondition(scope, join.nested);
      if (sql !== 'TRUE') parts.push(sql);
    }
    join.on = whereList(parts);
    return alias;
  }
}
