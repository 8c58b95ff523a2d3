/** Delay before retry number `attempt` (1 = the first retry): base · 2^(attempt-1), capped. */
export function backoffDelayMs(attempt: number, baseMs: number, capMs = 15 * 60_000): number {
  const n = Math.max(1, Math.floor(attempt));
  return Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
}
