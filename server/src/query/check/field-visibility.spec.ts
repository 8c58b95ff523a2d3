import { resolveFieldPath } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { crmSet } from '../fixtures/crm-set.fixture.js';
import { FieldVisibility } from './field-visibility.js';

const set = crmSet();

describe('FieldVisibility', () => {
  const hiddenFor = (o: string) => (o === 'account' ? new Set(['annual_revenue', 'parent']) : o === 'opportunity' ? new Set(['stage']) : undefined);
  const vis = new FieldVisibility(set, 'opportunity', new Set(['cost']), { hiddenFor });

  it('merges the root’s hiddenFields with hiddenFor(root); the id is always readable', () => {
    expect(vis.isHidden('opportunity', 'cost')).toBe(true);
    expect(vis.isHidden('opportunity', 'stage')).toBe(true);
    expect(vis.isHidden('opportunity', 'amount')).toBe(false);
    expect(vis.isHidden('account', 'cost')).toBe(false);
    expect(new FieldVisibility(set, 'tag', new Set(['id']), {}).isHidden('tag', 'id')).toBe(false);
  });

  it('hides formulas reading a hidden field, directly, through joins or through other formulas', () => {
    expect(vis.isHidden('opportunity', 'margin')).toBe(true); // (amount - cost) / amount
    expect(vis.isHidden('opportunity', 'weighted')).toBe(false);
    expect(vis.isHidden('account', 'revenue_k')).toBe(true); // annual_revenue / 1000
    expect(vis.isHidden('opportunity', 'account_path')).toBe(true); // account.parent.name: parent is hidden on account
    expect(vis.isHidden('opportunity', 'label')).toBe(false); // account.name
  });

  it('hides rollups whose field, relation or filter is hidden on the child object', () => {
    expect(vis.isHidden('account', 'open_amount')).toBe(true); // filter reads opportunity.stage
    expect(vis.isHidden('account', 'opportunity_count')).toBe(false);
  });

  it('names the first hidden segment of a dotted path', () => {
    const path = ['account', 'parent', 'name'];
    expect(vis.hiddenSegment(path, resolveFieldPath(set, 'opportunity', path).field!)).toBe('parent');
    expect(vis.hiddenSegment(['account', 'name'], resolveFieldPath(set, 'opportunity', ['account', 'name']).field!)).toBeUndefined();
  });

  it('survives formulas that refer to each other', () => {
    const s = crmSet();
    s.objects.tag!.fields.a = { type: 'formula', expression: 'b & name', resultType: 'text' };
    s.objects.tag!.fields.b = { type: 'formula', expression: 'a & color', resultType: 'text' };
    const v = new FieldVisibility(s, 'tag', new Set(['color']), {});
    expect(v.isHidden('tag', 'b')).toBe(true);
    expect(v.isHidden('tag', 'a')).toBe(true);
  });
});
