/** The highest tier whose threshold the lifetime points reach (thresholds in any order); bronze below all. */
export function tierFor(lifetimePoints: number, tiers: { code: string; threshold: number }[]): string {
  let best = { code: 'bronze', threshold: -1 };
  for (const t of tiers) if (lifetimePoints >= t.threshold && t.threshold > best.threshold) best = t;
  return best.code;
}

/** Points earned for an order amount at a rate, rounded down; never negative. */
export function pointsFor(amount: number, rate: number): number {
  return Math.max(0, Math.floor(amount * rate + 1e-9));
}

/** `date` plus `days`, as YYYY-MM-DD (UTC). */
export function addDays(date: Date, days: number): string {
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
