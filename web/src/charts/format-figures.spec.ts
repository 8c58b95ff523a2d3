import { describe, expect, it } from 'vitest';
import { formatCompact, formatMoney, formatPeriod, formatRate } from './format-figures';

describe('chart figures', () => {
  it('formats amounts per locale, in the field’s currency when it has one', () => {
    expect(formatMoney(1234.5, 'en')).toBe('1,234.5');
    expect(formatMoney(1234.5, 'en', 'USD')).toBe('$1,235');
    expect(formatMoney(1234.5, 'zh-CN', 'CNY')).toBe('¥1,235');
  });

  it('shortens axis amounts the way each language counts', () => {
    expect(formatCompact(1_200_000, 'en')).toBe('1.2M');
    expect(formatCompact(1_200_000, 'zh-CN')).toBe('120万');
  });

  it('shows rates (fractions) as percentages', () => {
    expect(formatRate(0.5714, 'en')).toBe('57.1%');
  });

  it('names months, quarters and years', () => {
    expect(formatPeriod('2026-11', 'en')).toBe('Nov 2026');
    expect(formatPeriod('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatPeriod('2026-Q4', 'en')).toBe('Q4 2026');
    expect(formatPeriod('2026-Q4', 'zh-CN')).toBe('2026年第4季度');
    expect(formatPeriod('2026', 'en')).toBe('2026');
  });
});
