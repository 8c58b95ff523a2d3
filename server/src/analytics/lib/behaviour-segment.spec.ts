import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_SEGMENTS, segmentCaseSql, segmentCounts } from './behaviour-segment.js';
import { StatementParams } from './statement-params.js';

describe('segmentCaseSql', () => {
  it('names the first segment whose minimum the count reaches, thresholds bound as values', () => {
    const params = new StatementParams();
    params.add('earlier');
    expect(segmentCaseSql('p.total', params)).toBe(
      "CASE WHEN p.total >= $2::int THEN 'highly_engaged' WHEN p.total >= $3::int THEN 'engaged' WHEN p.total >= $4::int THEN 'occasional' ELSE 'dormant' END");
    expect(params.values).toEqual(['earlier', 8, 4, 1]);
  });

  it('has segments in falling order ending with a catch-all of zero', () => {
    const mins = BEHAVIOUR_SEGMENTS.map((s) => s.min);
    expect([...mins].sort((a, b) => b - a)).toEqual(mins);
    expect(mins.at(-1)).toBe(0);
  });
});

describe('segmentCounts', () => {
  it('lists every segment, zero included, and ignores unknown names', () => {
    expect(segmentCounts([{ segment: 'engaged', n: 2 }, { segment: 'dormant', n: 5 }, { segment: 'other', n: 9 }]))
      .toEqual({ highly_engaged: 0, engaged: 2, occasional: 0, dormant: 5 });
  });
});
