import { describe, expect, it } from 'vitest';
import { countSegments, RFM_SEGMENTS, rfmSegment } from './rfm-segment.js';

describe('rfmSegment', () => {
  it.each([
    [5, 5, 5, 'champion'], [4, 4, 4, 'champion'],
    [4, 4, 3, 'loyal'], [3, 5, 5, 'loyal'], [5, 3, 1, 'loyal'],
    [5, 1, 5, 'new'], [4, 1, 1, 'new'],
    [5, 2, 5, 'potential'], [3, 1, 1, 'potential'], [3, 2, 4, 'potential'],
    [2, 3, 3, 'at_risk'], [1, 5, 5, 'at_risk'],
    [2, 2, 5, 'hibernating'], [2, 1, 1, 'hibernating'],
    [1, 2, 5, 'lost'], [1, 1, 1, 'lost'],
  ] as const)('R%i F%i M%i → %s', (r, f, m, segment) => {
    expect(rfmSegment(r, f, m)).toBe(segment);
  });

  it('names every one of the 125 score combinations', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(rfmSegment(r, f, m));
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('counts every segment, zero included', () => {
    expect(countSegments(['lost', 'champion', 'lost'])).toEqual({ champion: 1, loyal: 0, potential: 0, new: 0, at_risk: 0, hibernating: 0, lost: 2 });
  });
});
