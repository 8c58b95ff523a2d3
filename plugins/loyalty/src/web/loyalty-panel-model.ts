/** What the contact panel shows, computed from the public API's answers (pure: specs beside). */

export interface LoyaltyAccount { id: string; balance: number; lifetime_points: number; tier: string }
export interface PointsTransaction { id: string; type: string; points: number; reason?: string | null; occurred_at?: string | null; created_at?: string | null }
export interface TierRow { code: string; threshold: number }
export interface OptionInfo { key: string; label?: string | Record<string, string>; color?: string }

/** The query of a member's latest transactions (`GET /api/records/points_transaction`). */
export function historyQuery(accountId: string, limit = 20): Record<string, string | number> {
  return { filter: JSON.stringify({ account: accountId }), sort: '-occurred_at', limit };
}

/** Points as the ledger moved them: earnings positive, redemptions and expiries negative, adjustments as signed. */
export function signedPoints(tx: Pick<PointsTransaction, 'type' | 'points'>): number {
  const n = Math.abs(Number(tx.points) || 0);
  if (tx.type === 'earn') return n;
  if (tx.type === 'redeem' || tx.type === 'expire') return -n;
  return Number(tx.points) || 0;
}

/** The next tier above `lifetime` points and how many points it still needs; null at the top. */
export function nextTier(tiers: TierRow[], lifetime: number): { code: string; missing: number } | null {
  const above = tiers.filter((t) => Number(t.threshold) > lifetime).sort((a, b) => a.threshold - b.threshold)[0];
  return above ? { code: above.code, missing: above.threshold - lifetime } : null;
}

/** An option's label in `locale` (metadata labels are strings or per-language maps), else its key. */
export function optionLabel(options: OptionInfo[] | undefined, key: string, locale: string): string {
  const label = options?.find((o) => o.key === key)?.label;
  if (!label) return key;
  return typeof label === 'string' ? label : label[locale] ?? label.en ?? key;
}
