import { describe, expect, it } from 'vitest';
import { labelText } from './label.js';

describe('labelText', () => {
  it('picks the locale, then English, then any entry', () => {
    expect(labelText({ en: 'Account', 'zh-CN': '客户' }, 'zh-CN')).toBe('客户');
    expect(labelText({ en: 'Account' }, 'zh-CN')).toBe('Account');
    expect(labelText({ 'zh-CN': '客户' })).toBe('客户');
    expect(labelText('Account', 'zh-CN')).toBe('Account');
    expect(labelText(undefined)).toBeUndefined();
  });
});
