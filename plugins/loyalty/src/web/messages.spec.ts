import { describe, expect, it } from 'vitest';
import { messages } from './messages.js';

describe('loyalty web messages', () => {
  it('has the same keys in English and Chinese, none empty', () => {
    expect(Object.keys(messages['zh-CN']).sort()).toEqual(Object.keys(messages.en).sort());
    for (const m of [messages.en, messages['zh-CN']]) expect(Object.values(m).every((v) => v.trim().length > 0)).toBe(true);
  });
});
