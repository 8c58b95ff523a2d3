import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

function flatten(messages: object, prefix = ''): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') Object.assign(result, flatten(value, path));
    else result[path] = String(value);
  }
  return result;
}

const sources = import.meta.glob(['../**/*.vue', '../**/*.ts', '!../**/*.spec.ts', '!../locales/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('locales', () => {
  const english = flatten(en);
  const chinese = flatten(zhCN);

  it('has every string in both languages, none empty', () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of [...Object.entries(english), ...Object.entries(chinese)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('knows every literal key the code translates', () => {
    const used = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w.-]*)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });
});
