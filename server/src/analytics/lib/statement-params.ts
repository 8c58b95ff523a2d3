/** Casts a bound value may carry here: a closed list, so no caller text reaches SQL through them. */
export type AnalyticsCast = 'text' | 'text[]' | 'numeric[]' | 'integer[]' | 'boolean[]' | 'uuid' | 'uuid[]' | 'date' | 'timestamptz';

/**
 * Bound values of one analytics statement. Parts compiled elsewhere (the query compiler's
 * scoped FROM/WHERE, numbered from $1) are embedded with their placeholders shifted past the
 * values already bound, so several scoped sources can share one statement.
 */
export class StatementParams {
  readonly values: unknown[] = [];

  add(value: unknown, cast?: AnalyticsCast): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }

  /**
   * `sql` with `$n` renumbered after the values bound so far. Safe because compiled SQL holds no
   * literals: every value is a placeholder and identifiers cannot contain `$`.
   */
  embed(sql: string, params: readonly unknown[]): string {
    const offset = this.values.length;
    this.values.push(...params);
    return sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
  }
}
