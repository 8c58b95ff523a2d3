export const RFM_SEGMENTS = ['champion', 'loyal', 'potential', 'new', 'at_risk', 'hibernating', 'lost'] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The named segment of R, F, M scores (1–5, 5 = best: most recent, most orders, most spent);
 * the first rule that matches wins (README.md "RFM segments"):
 * champion R≥4 F≥4 M≥4 · loyal R≥3 F≥3 · new R≥4 F=1 · potential R≥3 F≤2 ·
 * at_risk R≤2 F≥3 · hibernating R=2 F≤2 · lost R=1 F≤2.
 * @example rfmSegment(5, 1, 2) // 'new'
 */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  if (r >= 4 && f >= 4 && m >= 4) return 'champion';
  if (r >= 3 && f >= 3) return 'loyal';
  if (r >= 4 && f === 1) return 'new';
  if (r >= 3) return 'potential';
  if (f >= 3) return 'at_risk';
  return r === 2 ? 'hibernating' : 'lost';
}

/** Every segment with its count, zero included, so clients see a stable set of keys. */
export function countSegments(segments: readonly RfmSegment[]): Record<RfmSegment, number> {
  const counts = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<RfmSegment, number>;
  for (const s of segments) counts[s]++;
  return counts;
}
