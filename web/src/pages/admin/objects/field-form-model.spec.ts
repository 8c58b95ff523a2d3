import { describe, expect, it } from 'vitest';
import { getSchema } from '@loom/metadata';
import { emptyFieldState, fieldBody, fieldPatch, fieldState, keyFromLabel, labelFrom } from './field-form-model';
import { fieldPropertySpecs } from './field-schema-form';

const schema = getSchema('object');

describe('field form model', () => {
  it('writes labels with the languages that are filled in', () => {
    expect(labelFrom('Status', '状态')).toEqual({ en: 'Status', 'zh-CN': '状态' });
    expect(labelFrom(' Status ', '')).toEqual({ en: 'Status' });
    expect(labelFrom('', '')).toBeUndefined();
  });

  it('derives option keys from labels, unique and valid', () => {
    expect(keyFromLabel('Key account', [])).toBe('key_account');
    expect(keyFromLabel('Key account', ['key_account'])).toBe('key_account_2');
    expect(keyFromLabel('2nd tier', [])).toBe('o_2nd_tier');
    expect(keyFromLabel('重要', [])).toBe('option');
  });

  it('builds the POST body of a select field with its options', () => {
    const state = { ...emptyFieldState('select'), name: ' status ', labelEn: 'Status', labelZh: '状态' };
    state.props = { required: true, unique: false, hidden: undefined };
    state.options = [
      { key: 'open', en: 'Open', zh: '打开', color: '#67c23a' },
      { key: 'done', en: 'Done', zh: '', color: null },
    ];
    expect(fieldBody(state, fieldPropertySpecs(schema, 'select'))).toEqual({
      name: 'status',
      type: 'select',
      label: { en: 'Status', 'zh-CN': '状态' },
      required: true,
      unique: false,
      options: [
        { key: 'open', label: { en: 'Open', 'zh-CN': '打开' }, color: '#67c23a' },
        { key: 'done', label: { en: 'Done' } },
      ],
    });
  });

  it('patches only what changed, switching a flag off with false', () => {
    const specs = fieldPropertySpecs(schema, 'text');
    const original = fieldState('title', { type: 'text', label: { en: 'Title' }, required: true, maxLength: 100 });
    expect(fieldPatch(original, fieldState('title', { type: 'text', label: { en: 'Title' }, required: true, maxLength: 100 }), specs)).toEqual({});
    const edited = { ...original, labelZh: '标题', props: { ...original.props, required: false, maxLength: 200, unique: true } };
    expect(fieldPatch(original, edited, specs)).toEqual({ label: { en: 'Title', 'zh-CN': '标题' }, required: false, maxLength: 200, unique: true });
  });

  it('reads a relation field back into the form', () => {
    const state = fieldState('account', { type: 'relation', target: 'account', label: 'Account', onDelete: 'setNull' });
    expect(state).toMatchObject({ name: 'account', type: 'relation', labelEn: 'Account', props: { target: 'account', onDelete: 'setNull' } });
  });
});
