import { describe, expect, it } from 'vitest';
import { matchRoutePath } from './match-route-path.js';

describe('matchRoutePath', () => {
  it.each([
    ['/summary', '/summary', {}],
    ['/summary', '/summary/', {}],
    ['/accounts/:id/redeem', '/accounts/a%20b/redeem', { id: 'a b' }],
    ['/accounts/:id/redeem', '/accounts/1', null],
    ['/intake', '/other', null],
    ['/x/:id', '/x/%E0%A4%A', null],
  ])('%s ~ %s', (pattern, path, expected) => {
    expect(matchRoutePath(pattern, path)).toEqual(expected);
  });
});
