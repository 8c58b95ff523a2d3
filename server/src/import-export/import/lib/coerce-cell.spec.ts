import { describe, expect, it } from 'vitest';
import { coerceCell } from './coerce-cell.js';

const options = [{ key: 'potential', label: { en: 'Potential', 'zh-CN': '潜在客户' } }, { key: 'loyal', label: { en: 'Loyal', 'zh-CN': '忠诚客户' } }];

describe('coerceCell', () => {
  it('leaves empty cells out', () => {
    expect(coerceCell(null, { type: 'text' })).toBeUndefined();
    expect(coerceCell('  ', { type: 'integer' })).toBeUndefined();
  });

  it('reads numbers with separators and currency signs; keeps unreadable ones for the validator', () => {
    expect(coerceCell('¥1,200.50', { type: 'currency' })).toBe(1200.5);
    expect(coerceCell('35%', { type: 'percent' })).toBe(35);
    expect(coerceCell(7, { type: 'integer' })).toBe(7);
    expect(coerceCell('seven', { type: 'integer' })).toBe('seven');
  });

  it('reads booleans in English and Chinese', () => {
    expect(coerceCell('是', { type: 'boolean' })).toBe(true);
    expect(coerceCell('No', { type: 'boolean' })).toBe(false);
    expect(coerceCell('maybe', { type: 'boolean' })).toBe('maybe');
  });

  it('reads dates written many ways, Excel dates and serial numbers', () => {
    expect(coerceCell('2026/3/7', { type: 'date' })).toBe('2026-03-07');
    expect(coerceCell('2026年3月7日', { type: 'date' })).toBe('2026-03-07');
    expect(coerceCell(new Date(Date.UTC(1990, 4, 6)), { type: 'date' })).toBe('1990-05-06');
    expect(coerceCell(45000, { type: 'date' })).toBe('2023-03-15');
    expect(coerceCell('2026-03-07 09:30', { type: 'datetime' })).toBe('2026-03-07T09:30:00.000Z');
    expect(coerceCell('2026-03-07T09:30:00+08:00', { type: 'datetime' })).toBe('2026-03-07T09:30:00+08:00');
  });

  it('maps option labels in either language to keys', () => {
    expect(coerceCell('忠诚客户', { type: 'select', options }, options)).toBe('loyal');
    expect(coerceCell('POTENTIAL', { type: 'select', options }, options)).toBe('potential');
    expect(coerceCell('Loyal、潜在客户', { type: 'multiselect', options }, options)).toEqual(['loyal', 'potential']);
    expect(coerceCell('gold', { type: 'select', options }, options)).toBe('gold');
  });

  it('splits tags and writes long numbers out in full as text', () => {
    expect(coerceCell('VIP, 华东；new', { type: 'tags' })).toEqual(['VIP', '华东', 'new']);
    expect(coerceCell(13800138000, { type: 'phone' })).toBe('13800138000');
    expect(coerceCell(' Wang ', { type: 'text' })).toBe('Wang');
  });
});
