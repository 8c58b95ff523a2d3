import { describe, expect, it } from 'vitest';
import type { LayoutDef } from '@loom/metadata';
import { layoutDocument, layoutForm, moveField, newSectionName, sectionForm, unplacedFields } from './layout-form';

const layouts = import.meta.glob('../../../../../metadata/crm/layouts/*.json', { eager: true, import: 'default' }) as Record<string, LayoutDef>;

describe('layout form', () => {
  it.each(Object.entries(layouts).map(([path, layout]) => [path.split('/').pop(), layout] as const))('round-trips %s exactly', (_file, layout) => {
    expect(layoutDocument(layoutForm(layout))).toEqual(layout);
  });

  const base: LayoutDef = {
    kind: 'layout', name: 'deal', object: 'opportunity',
    sections: [{ name: 'main', fields: ['name', 'amount', 'stage'] }, { name: 'more', fields: ['description'] }],
  };

  it('reorders fields in a section and moves them across sections', () => {
    const form = layoutForm(base);
    moveField(form, { section: 0, index: 2 }, { section: 0, index: 0 });
    expect(form.sections[0]!.fields).toEqual(['stage', 'name', 'amount']);
    moveField(form, { section: 0, index: 0 }, { section: 0, index: 2 });
    expect(form.sections[0]!.fields).toEqual(['name', 'stage', 'amount']);
    moveField(form, { section: 0, index: 1 }, { section: 1, index: 0 });
    expect(form.sections.map((section) => section.fields)).toEqual([['name', 'amount'], ['stage', 'description']]);
    moveField(form, { section: 1, index: 1 }, { section: 0, index: null });
    expect(form.sections.map((section) => section.fields)).toEqual([['name', 'amount', 'description'], ['stage']]);
  });

  it('builds sections with columns, collapsed and labels, and the list view', () => {
    const form = layoutForm(base);
    const section = sectionForm({ name: newSectionName(form) });
    Object.assign(section, { label: { en: 'Pricing', zh: '价格', plain: false }, columns: 2, collapsed: true, fields: ['discount'] });
    form.sections.push(section);
    form.isDefault = true;
    form.list = { columns: ['name', 'amount'], sort: ['-amount'], sortNamed: false };
    expect(layoutDocument(form)).toEqual({
      ...base, default: true,
      sections: [...base.sections, { name: 'section_3', label: { en: 'Pricing', 'zh-CN': '价格' }, columns: 2, collapsed: true, fields: ['discount'] }],
      list: { columns: ['name', 'amount'], sort: ['-amount'] },
    });
    expect(unplacedFields(form, ['name', 'amount', 'stage', 'discount', 'cost'])).toEqual(['cost']);
  });

  it('keeps visibility rules: on sections, and on fields even when they move to another section', () => {
    const layout: LayoutDef = {
      kind: 'layout', name: 'deal', object: 'opportunity',
      sections: [
        { name: 'main', fields: ['name', { field: 'loss_reason', visibleWhen: { stage: 'lost' } }] },
        { name: 'money', visibleWhen: { amount: { $gte: 1000 } }, fields: ['discount'] },
      ],
    };
    const form = layoutForm(layout);
    expect(form.sections[0]!.fields).toEqual(['name', 'loss_reason']);
    expect(layoutDocument(form)).toEqual(layout);
    moveField(form, { section: 0, index: 1 }, { section: 1, index: null });
    form.fieldRules.discount = { amount: { $gt: 5000 } };
    form.sections[1]!.visibleWhen = undefined;
    form.fieldRules.name = undefined;
    expect(layoutDocument(form).sections).toEqual([
      { name: 'main', fields: ['name'] },
      { name: 'money', fields: [{ field: 'discount', visibleWhen: { amount: { $gt: 5000 } } }, { field: 'loss_reason', visibleWhen: { stage: 'lost' } }] },
    ]);
  });
});
