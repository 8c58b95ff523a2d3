import { describe, expect, it } from 'vitest';
import { userInitials } from './user-initials';

describe('userInitials', () => {
  it('takes first and last initials of Latin names, one character of CJK names', () => {
    expect(userInitials('Ada King Lovelace')).toBe('AL');
    expect(userInitials('ada')).toBe('A');
    expect(userInitials('张伟')).toBe('张');
    expect(userInitials('  ')).toBe('?');
    expect(userInitials(null)).toBe('?');
  });
});
