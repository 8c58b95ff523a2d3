/**
 * Table aliases of one statement, handed out in compile order so the SQL is deterministic:
 * `t0` the root, `t1…` manyToOne joins, `m` join tables, `r` rollups, `e` expanded targets,
 * `p` projections, `x` derived rows, `u` users. One counter per prefix, shared by every
 * subquery of the statement, so nested scopes never shadow each other.
 */
export type AliasPrefix = 't' | 'm' | 'r' | 'e' | 'p' | 'x' | 'u';

export const ROOT_ALIAS = 't0';

export class Aliases {
  private readonly counters = new Map<AliasPrefix, number>();

  next(prefix: AliasPrefix): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }
}
