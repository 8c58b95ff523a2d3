/**
 * Boolean composition. Every fragment the compiler produces binds tighter than NOT/AND/OR
 * (a comparison, a function call, or a parenthesised list), so fragments nest without
 * precedence surprises. Only the constants TRUE/FALSE are folded away: a fragment holding a
 * parameter is never dropped, or its `$n` would go missing from the statement.
 */
export function and(parts: string[]): string {
  const kept = parts.filter((p) => p !== 'TRUE');
  if (kept.length === 0) return 'TRUE';
  return kept.length === 1 ? kept[0]! : `(${kept.join(' AND ')})`;
}

export function or(parts: string[]): string {
  const kept = parts.filter((p) => p !== 'FALSE');
  if (kept.length === 0) return 'FALSE';
  return kept.length === 1 ? kept[0]! : `(${kept.join(' OR ')})`;
}

/**
 * Two-valued negation: true when `condition` is false or NULL. Conditions are two-valued
 * (a comparison with NULL is false, DESIGN.md §2), so `$not` must not leave NULL as NULL.
 */
export function notTrue(condition: string): string {
  if (condition === 'TRUE') return 'FALSE';
  if (condition === 'FALSE') return 'TRUE';
  return `NOT COALESCE(${condition}, FALSE)`;
}

/** Conditions for a WHERE or ON clause: joined with AND, without outer parentheses. */
export function whereList(parts: string[]): string {
  const kept = parts.filter((p) => p !== 'TRUE');
  return kept.length === 0 ? 'TRUE' : kept.join(' AND ');
}
