import { describe, expect, it } from 'vitest';
import type { LayoutDef, ObjectDef } from '@loom/metadata';
import { ApiProblem } from '@/api/api-problem';
import en from '@/locales/en';
import zhCN from '@/locales/zh-CN';
import { explainSaveProblem } from './explain-save-problem';
import { changedBody, createBody, formFieldNames, formSections, keepExpanded, newRecordValues, recordValues } from './record-form-model';

const item: ObjectDef = {
  kind: 'object',
  name: 'item',
  label: 'Item',
  titleField: 'name',
  fields: {
    name: { type: 'text', required: true },
    status: { type: 'select', options: [{ key: 'new', label: 'New' }], default: 'new' },
    account: { type: 'relation', target: 'account' },
    price: { type: 'currency' },
    code: { type: 'autonumber', pattern: 'IT-{0000}' },
    due: { type: 'date', default: '$today' },
    lines: { type: 'relation', target: 'line', relationType: 'oneToMany', inverseOf: 'item' },
    old: { type: 'text', archived: true },
    secret: { type: 'text', hidden: true },
  },
};

describe('record form model', () => {
  it('shows live, visible fields with a value of their own', () => {
    expect(formFieldNames(item)).toEqual(['name', 'status', 'account', 'price', 'code', 'due']);
  });

  it('uses the layout sections, and adds the fields a layout left out', () => {
    const layout = {
      kind: 'layout', name: 'l', object: 'item',
      sections: [
        { name: 'main', label: { en: 'Main' }, columns: 1, fields: ['name', 'old', 'status'] },
        { name: 'empty', fields: ['lines'] },
      ],
    } as LayoutDef;
    expect(formSections(item, layout)).toEqual([
      { name: 'main', label: { en: 'Main' }, columns: 1, fields: ['name', 'status'] },
      { name: 'other', label: null, columns: 2, fields: ['account', 'price', 'code', 'due'] },
    ]);
    expect(formSections(item, undefined)).toEqual([
      { name: 'main', label: null, columns: 2, fields: ['name', 'status', 'account', 'price', 'code', 'due'] },
    ]);
  });

  it('starts a new record from the defaults, leaving $today to the server', () => {
    expect(newRecordValues(item)).toEqual({ name: null, status: 'new', account: null, price: null, code: null, due: null });
  });

  it('creates with the writable values that are filled in, relations as ids', () => {
    const values = { name: 'Desk', status: 'new', account: { id: 'a1', title: 'Acme' }, price: null, code: 'IT-0001', due: '' };
    expect(createBody(item, values)).toEqual({ name: 'Desk', status: 'new', account: 'a1' });
  });

  it('updates only what changed, clearing a field with null', () => {
    const record = { id: 'r1', version: 3, name: 'Desk', status: 'new', account: { id: 'a1', title: 'Acme' }, price: 10, code: 'IT-1' };
    const original = recordValues(item, record);
    expect(changedBody(item, original, { ...original })).toEqual({});
    expect(changedBody(item, original, { ...original, account: 'a1' })).toEqual({});
    expect(changedBody(item, original, { ...original, name: 'Chair', price: null, account: 'a2', code: 'X' })).toEqual({
      name: 'Chair',
      price: null,
      account: 'a2',
    });
  });
});

const problem = (status: number, errors?: Array<{ path: string; message: string }>, detail?: string) =>
  new ApiProblem({ type: 'about:blank', title: 'Problem', status, detail, errors });

describe('explainSaveProblem', () => {
  it('names each refusal of a record write', () => {
    expect(explainSaveProblem(problem(422, [{ path: '/name', message: 'is required' }])).kind).toBe('invalid');
    expect(explainSaveProblem(problem(409, [{ path: '/email', message: 'is taken' }])).kind).toBe('unique');
    expect(explainSaveProblem(problem(409, undefined, 'Stage gate: big_discount')).kind).toBe('conflict');
    expect(explainSaveProblem(problem(412))).toMatchObject({ kind: 'stale', offerReload: true });
    expect(explainSaveProblem(problem(423, undefined, 'pending approval'))).toMatchObject({ kind: 'locked', detail: 'pending approval' });
    expect(explainSaveProblem(problem(403)).kind).toBe('forbidden');
    expect(explainSaveProblem(problem(500)).kind).toBe('other');
  });

  it('explains them in both languages', () => {
    for (const status of [403, 409, 412, 422, 423, 500]) {
      for (const errors of [undefined, [{ path: '/x', message: 'm' }]]) {
        const [section, group, key] = explainSaveProblem(problem(status, errors)).messageKey.split('.') as [string, string, string];
        const english = (en as unknown as Record<string, Record<string, Record<string, string>>>)[section]![group]![key];
        const chinese = (zhCN as unknown as Record<string, Record<string, Record<string, string>>>)[section]![group]![key];
        expect(english, `${status}`).toBeTruthy();
        expect(chinese, `${status}`).toBeTruthy();
      }
    }
  });

  it('keeps the expanded relations the form had when the answer sends the same ids bare', () => {
    const current = { account: { id: 'a1', title: 'Acme' }, name: 'x' };
    expect(keepExpanded(item.fields, current, { id: 'r', account: 'a1' })).toEqual({ account: { id: 'a1', title: 'Acme' } });
    expect(keepExpanded(item.fields, current, { id: 'r', account: 'a2' })).toEqual({});
  });
});
