import { describe, expect, it } from 'vitest';
import { recordTitleOf } from './record-title';

describe('recordTitleOf', () => {
  it('reads the object’s title field, else name', () => {
    expect(recordTitleOf({ titleField: 'subject' }, { subject: 'Call Acme', name: 'x' })).toBe('Call Acme');
    expect(recordTitleOf({}, { name: 'Acme' })).toBe('Acme');
    expect(recordTitleOf(undefined, { name: 42 })).toBe('42');
  });

  it('is null for an empty title or no record', () => {
    expect(recordTitleOf({ titleField: 'name' }, { name: '' })).toBeNull();
    expect(recordTitleOf({ titleField: 'name' }, null)).toBeNull();
  });
});
