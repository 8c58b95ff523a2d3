import { describe, expect, it } from 'vitest';
import { applyDelegation } from './apply-delegation.js';

describe('applyDelegation', () => {
  it('hands a delegating user’s task to the delegate, keeping the order', () => {
    expect(applyDelegation(['ann', 'cid'], new Map([['ann', 'dee']]))).toEqual(['dee', 'cid']);
  });

  it('collapses duplicates when the delegate is an approver already', () => {
    expect(applyDelegation(['ann', 'bob'], new Map([['ann', 'bob']]))).toEqual(['bob']);
  });

  it('follows one hop only, so a loop cannot form', () => {
    expect(applyDelegation(['ann'], new Map([['ann', 'bob'], ['bob', 'ann']]))).toEqual(['bob']);
  });
});
