import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect';

describe('safeRedirect', () => {
  it('accepts a path of this app, with its query', () => {
    expect(safeRedirect('/admin/users?page=2')).toBe('/admin/users?page=2');
  });

  it('refuses other origins and protocol-relative urls', () => {
    expect(safeRedirect('https://evil.example')).toBeNull();
    expect(safeRedirect('//evil.example/x')).toBeNull();
    expect(safeRedirect('/\\evil.example')).toBeNull();
  });

  it('refuses the login page itself and non-strings', () => {
    expect(safeRedirect('/login?redirect=/x')).toBeNull();
    expect(safeRedirect(undefined)).toBeNull();
    expect(safeRedirect(['/teams'])).toBe('/teams');
  });
});
