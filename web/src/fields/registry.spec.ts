import { describe, expect, it } from 'vitest';
import { FIELD_TYPE_NAMES } from './field-definition';
import type { FieldDefinition } from './field-definition';
import { fieldTypeOf, formatFieldValue, hasFieldType, registerFieldType } from './registry';
import type { FormatContext } from './format-value';

const en: FormatContext = { locale: 'en', t: (key) => ({ 'common.yes': 'Yes', 'common.no': 'No' })[key] ?? key };
const show = (value: unknown, field: FieldDefinition, context = en) => formatFieldValue(value, field, context);

describe('field registry', () => {
  it('has an input and a formatter for every metadata field type', () => {
    for (const type of FIELD_TYPE_NAMES) {
      expect(hasFieldType(type), type).toBe(true);
      expect(fieldTypeOf(type).input, type).toBeTruthy();
      expect(typeof fieldTypeOf(type).format, type).toBe('function');
    }
  });

  it('marks server-computed types and right-aligns numbers', () => {
    expect(['autonumber', 'formula', 'rollup'].every((type) => fieldTypeOf(type).computed)).toBe(true);
    expect(fieldTypeOf('text').computed).toBeFalsy();
    expect(fieldTypeOf('currency').align).toBe('right');
  });

  it('treats an unknown type as text, and lets plugins register their own', () => {
    expect(fieldTypeOf('signature')).toBe(fieldTypeOf('text'));
    registerFieldType('signature', { ...fieldTypeOf('text'), format: () => 'signed' });
    expect(show('x', { type: 'signature' })).toBe('signed');
  });

  it('shows empty values as an empty string for every type', () => {
    for (const type of FIELD_TYPE_NAMES) {
      expect(show(null, { type }), type).toBe('');
    }
  });
});

describe('display formatters', () => {
  it('formats numbers by locale', () => {
    expect(show(1234567, { type: 'integer' })).toBe('1,234,567');
    expect(show(1234.5, { type: 'currency' })).toBe('1,234.50');
    expect(show(1234.5, { type: 'currency', currency: 'USD' })).toBe('$1,234.50');
    expect(show(40, { type: 'percent' })).toBe('40%');
    expect(show(0.125, { type: 'number' })).toBe('0.125');
  });

  it('formats booleans, ratings and json', () => {
    expect(show(true, { type: 'boolean' })).toBe('Yes');
    expect(show(false, { type: 'boolean' })).toBe('No');
    expect(show(3, { type: 'rating' })).toBe('★★★☆☆');
    expect(show({ a: 1 }, { type: 'json' })).toBe('{"a":1}');
  });

  it('shows a date as that calendar day', () => {
    expect(show('2026-01-05', { type: 'date' })).toBe('Jan 5, 2026');
    expect(show('2026-01-05', { type: 'date' }, { ...en, locale: 'zh-CN' })).toBe('2026年1月5日');
  });

  it('shows option labels in the current locale', () => {
    const field: FieldDefinition = {
      type: 'multiselect',
      options: [
        { key: 'vip', label: { en: 'VIP', 'zh-CN': '重要客户' } },
        { key: 'new', label: 'New' },
      ],
    };
    expect(show(['vip', 'new'], field)).toBe('VIP, New');
    expect(show(['vip', 'gone'], field, { ...en, locale: 'zh-CN' })).toBe('重要客户, gone');
  });

  it('shows stage labels from the pipeline', () => {
    const pipelines = {
      sales: { name: 'sales', object: 'opportunity', field: 'stage', stages: [{ key: 'won', label: { en: 'Won', 'zh-CN': '赢单' } }] },
    };
    expect(show('won', { type: 'stage', pipeline: 'sales' }, { ...en, locale: 'zh-CN', pipelines })).toBe('赢单');
  });

  it('shows expanded relations by title, bare ones by id', () => {
    expect(show({ id: 'a1', title: 'Acme' }, { type: 'relation', target: 'account' })).toBe('Acme');
    expect(show('a1', { type: 'relation', target: 'account' })).toBe('a1');
    expect(show([{ id: 'u1', name: 'Ada' }], { type: 'user' })).toBe('Ada');
  });

  it('shows rich text without its markup and formulas as their result type', () => {
    expect(show('<p>Hello&nbsp;<b>world</b></p><p>again</p>', { type: 'richtext' })).toBe('Hello world again');
    expect(show(1500, { type: 'formula', resultType: 'currency' })).toBe('1,500.00');
  });
});
