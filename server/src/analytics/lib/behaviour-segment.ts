import type { StatementParams } from './statement-params.js';

/** Named engagement segments, most engaged first, each with the fewest activities in the window it needs. */
export const BEHAVIOUR_SEGMENTS = [
  { key: 'highly_engaged', min: 8 },
  { key: 'engaged', min: 4 },
  { key: 'occasional', min: 1 },
  { key: 'dormant', min: 0 },
] as const;
export type BehaviourSegment = (typeof BEHAVIOUR_SEGMENTS)[number]['key'];

/**
 * The SQL CASE naming the segment of an activity count (first segment whose minimum it reaches),
 * thresholds bound as values, so the bucketing runs in PostgreSQL with the counting.
 * @example segmentCaseSql('p.total', params) // "CASE WHEN p.total >= $1 THEN 'highly_engaged' … ELSE 'dormant' END"
 */
export function segmentCaseSql(count: string, params: StatementParams): string {
  const ranked = BEHAVIOUR_SEGMENTS.slice(0, -1).map((s) => `WHEN ${count} >= ${params.add(s.min)}::int THEN '${s.key}'`);
  return `CASE ${ranked.join(' ')} ELSE '${BEHAVIOUR_SEGMENTS[BEHAVIOUR_SEGMENTS.length - 1]!.key}' END`;
}

/** Every segment with its count, zero included, so clients see a stable set of keys. */
export function segmentCounts(rows: readonly { segment: string; n: number }[]): Record<BehaviourSegment, number> {
  const counts = Object.fromEntries(BEHAVIOUR_SEGMENTS.map((s) => [s.key, 0])) as Record<BehaviourSegment, number>;
  for (const r of rows) if (Object.hasOwn(counts, r.segment)) counts[r.segment as BehaviourSegment] = Number(r.n);
  return counts;
}
