import type { MetadataSet } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { ID_1, validationSet } from './record-validation.fixture.js';
import { checkValidationRules, compileValidationRules } from './validation-rules.js';

function withRules(validations: NonNullable<MetadataSet['objects'][string]['validations']>): MetadataSet {
  const set = validationSet();
  set.objects.deal!.validations = validations;
  return set;
}

describe('compileValidationRules + checkValidationRules', () => {
  const set = validationSet();
  const rules = compileValidationRules(set.objects.deal!, set);

  it('passes a record the rule holds for, comparing two fields with $field.', () => {
    expect(checkValidationRules(rules, { open_date: '2024-01-01', close_date: '2024-02-01' })).toEqual([]);
    expect(checkValidationRules(rules, { open_date: '2024-01-01', close_date: null })).toEqual([]);
  });

  it('reports a broken rule at the first field it names, with its message', () => {
    expect(checkValidationRules(rules, { open_date: '2024-03-01', close_date: '2024-02-01' }))
      .toEqual([{ path: '/close_date', message: 'Close date cannot be before open date' }]);
  });

  it('picks the message in the locale asked for', () => {
    expect(checkValidationRules(rules, { open_date: '2024-03-01', close_date: '2024-02-01' }, { locale: 'zh-CN' }))
      .toEqual([{ path: '/close_date', message: '结束日期不能早于开始日期' }]);
  });

  it('reads $user variables, and fails a rule whose variable is not given', () => {
    const s = withRules([{ name: 'own_only', condition: { assignee: '$user.id' }, message: 'Assign it to yourself' }]);
    const own = compileValidationRules(s.objects.deal!, s);
    expect(checkValidationRules(own, { assignee: ID_1 }, { variables: { user: { id: ID_1 } } })).toEqual([]);
    expect(checkValidationRules(own, { assignee: ID_1 })).toEqual([{ path: '/assignee', message: 'Assign it to yourself' }]);
  });

  it('reports every broken rule, a dotted path at its first segment', () => {
    const s = withRules([
      { name: 'big', condition: { amount: { $gte: 100 } }, message: 'Too small' },
      { name: 'retail', condition: { 'account.name': { $startsWith: 'R' } }, message: { en: 'Retail only' } },
    ]);
    expect(checkValidationRules(compileValidationRules(s.objects.deal!, s), { amount: 5 })).toEqual([
      { path: '/amount', message: 'Too small' },
      { path: '/account', message: 'Retail only' },
    ]);
  });

  it('refuses to compile a rule that does not parse (published metadata never holds one)', () => {
    const s = withRules([{ name: 'broken', condition: { nope: 1 }, message: 'x' }]);
    expect(() => compileValidationRules(s.objects.deal!, s)).toThrow(/validation rule "broken" of object "deal" does not parse/);
  });
});
