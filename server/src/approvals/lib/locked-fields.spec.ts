import { describe, expect, it } from 'vitest';
import { lockedFields } from './locked-fields.js';

describe('lockedFields', () => {
  it('keeps the changed fields outside the whitelist', () => {
    expect(lockedFields(['amount', 'description', 'owner'], ['description', 'next_step'])).toEqual(['amount', 'owner']);
  });

  it('locks every field when the process names none editable', () => {
    expect(lockedFields(['description'], undefined)).toEqual(['description']);
  });

  it('is empty when only editable fields change', () => {
    expect(lockedFields(['next_step'], ['description', 'next_step'])).toEqual([]);
  });
});
