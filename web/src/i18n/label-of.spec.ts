import { describe, expect, it } from 'vitest';
import { labelOf } from './label-of';

describe('labelOf', () => {
  it('returns a plain string label as is, whatever the locale', () => {
    expect(labelOf('Account', 'zh-CN')).toBe('Account');
  });

  it('picks the exact locale from a map', () => {
    const label = { en: 'Opportunity', 'zh-CN': '商机' };
    expect(labelOf(label, 'zh-CN')).toBe('商机');
    expect(labelOf(label, 'en')).toBe('Opportunity');
  });

  it('falls back to the same language, then English', () => {
    expect(labelOf({ en: 'Lead', 'zh-CN': '线索' }, 'zh-TW')).toBe('线索');
    expect(labelOf({ en: 'Lead', 'zh-CN': '线索' }, 'fr')).toBe('Lead');
  });

  it('uses any text when English is missing too', () => {
    expect(labelOf({ 'zh-CN': '投诉' }, 'en')).toBe('投诉');
  });

  it('returns the fallback for empty or missing labels', () => {
    expect(labelOf(undefined, 'en', 'contact')).toBe('contact');
    expect(labelOf('', 'en', 'contact')).toBe('contact');
    expect(labelOf({}, 'en', 'contact')).toBe('contact');
    expect(labelOf({ en: '' }, 'en', 'contact')).toBe('contact');
  });
});
