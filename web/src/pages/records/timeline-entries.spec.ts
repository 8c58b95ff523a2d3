import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import en from '@/locales/en';
import zhCN from '@/locales/zh-CN';
import type { FieldDefinition } from '@/fields/field-definition';
import { formatFieldValue } from '@/fields/registry';
import { MAX_CHANGE_LINES, changeLine, exactTime, relativeTime, timelineEntry } from './timeline-entries';
import type { TimelineContext } from './timeline-entries';

const FIELDS: Record<string, FieldDefinition> = {
  name: { type: 'text', label: { en: 'Name' } },
  amount: { type: 'currency', label: { en: 'Amount' }, currency: 'USD' } as FieldDefinition,
  owner: { type: 'user', label: { en: 'Owner' } },
  stage: { type: 'stage', label: { en: 'Stage' }, pipeline: 'sales' } as FieldDefinition,
};
const PIPELINES = { sales: { stages: [{ key: 'qualify', label: { en: 'Qualify' } }, { key: 'proposal', label: { en: 'Proposal' } }] } };

function context(locale: 'en' | 'zh-CN' = 'en'): TimelineContext {
  const i18n = createI18n({ legacy: false, locale, messages: { en, 'zh-CN': zhCN } });
  const t = (key: string, values?: Record<string, unknown>) =>
    values && typeof values.count === 'number' ? i18n.global.t(key, values, values.count) : i18n.global.t(key, values ?? {});
  return {
    t,
    fieldOf: (name) => FIELDS[name] ?? { type: 'text' },
    otherFieldOf: (object, name) =>
      object === 'activity' && name === 'type' ? ({ type: 'select', options: [{ key: 'call', label: { en: 'Call' } }] } as FieldDefinition) : undefined,
    format: (value, field) => formatFieldValue(value, field, { locale, t, pipelines: PIPELINES as never }),
    fieldLabel: (name) => (FIELDS[name]?.label as { en: string } | undefined)?.en ?? name,
    objectLabel: (object) => (object === 'activity' ? 'Activity' : object),
    stageLabel: (_pipeline, stage) => ({ qualify: 'Qualify', proposal: 'Proposal' })[stage] ?? stage,
    processLabel: (process) => (process === 'discount' ? 'Large discount approval' : process),
    stepLabel: (_process, step) => (step === 'manager' ? 'Manager review' : step),
    userName: (id) => (id === 'u-1' ? 'Mona Manager' : null),
  };
}

const AT = '2026-11-30T10:00:00.000Z';

describe('timelineEntry', () => {
  it('shows a history update as field label: formatted old → new, named author', () => {
    const entry = timelineEntry(
      { kind: 'history', at: AT, by: 'u-1', action: 'update', version: 3, changes: { amount: { from: 100, to: 200 }, name: { from: 'A', to: 'B' } } },
      0,
      context(),
    );
    expect(entry).toMatchObject({ kind: 'history', icon: 'edit', color: 'primary', title: 'Edited', by: 'Mona Manager', at: AT });
    expect(entry.lines).toEqual(['Amount: $100.00 → $200.00', 'Name: A → B']);
  });

  it('shows a create with only the new values, an unknown author as null, and counts changes past the limit', () => {
    const changes = Object.fromEntries(Array.from({ length: MAX_CHANGE_LINES + 2 }, (_, i) => [`f${i}`, { from: null, to: `v${i}` }]));
    const entry = timelineEntry({ kind: 'history', at: AT, by: 'u-unknown', action: 'create', version: 1, changes }, 0, context());
    expect(entry).toMatchObject({ icon: 'create', color: 'success', title: 'Created', by: null });
    expect(entry.lines).toHaveLength(MAX_CHANGE_LINES + 1);
    expect(entry.lines[0]).toBe('f0: v0');
    expect(entry.lines.at(-1)).toBe('and 2 more changes');
  });

  it('names user ids in changed user fields, and says when a value was cleared', () => {
    expect(changeLine('owner', { from: 'u-2', to: 'u-1' }, context())).toBe('Owner: u-2 → Mona Manager');
    expect(changeLine('name', { from: 'Old', to: null }, context())).toBe('Name: Old → (empty)');
  });

  it('shows restore and merge entries with their own titles, and an unknown action by name', () => {
    expect(timelineEntry({ kind: 'history', at: AT, by: null, action: 'restore', changes: {} }, 0, context())).toMatchObject({ icon: 'restore', title: 'Restored an earlier version' });
    const merge = timelineEntry({ kind: 'history', at: AT, by: null, action: 'merge', changes: { merged: { from: null, to: ['x', 'y'] } }, merged: ['x', 'y'] }, 0, context());
    expect(merge).toMatchObject({ icon: 'merge', color: 'warning', title: 'Merged', lines: ['Merged 2 records into this one'] });
    expect(timelineEntry({ kind: 'history', at: AT, by: null, action: 'import', changes: {} }, 0, context()).title).toBe('Changed (import)');
  });

  it('shows a stage change as "from → to" with the stage labels, and a first stage alone', () => {
    const moved = timelineEntry({ kind: 'stage', at: AT, by: 'u-1', pipeline: 'sales', from: 'qualify', to: 'proposal' }, 0, context());
    expect(moved).toMatchObject({ icon: 'stage', title: 'Stage changed', lines: ['Qualify → Proposal'] });
    expect(timelineEntry({ kind: 'stage', at: AT, by: null, pipeline: 'sales', from: null, to: 'qualify' }, 0, context()).lines).toEqual(['Qualify']);
  });

  it('shows an activity by its subject, object and type, linking to it', () => {
    const entry = timelineEntry(
      { kind: 'activity', at: AT, by: 'u-1', object: 'activity', id: 'a-1', title: 'Kick-off call', record: { id: 'a-1', type: 'call' } },
      0,
      context(),
    );
    expect(entry).toMatchObject({ icon: 'activity', title: 'Kick-off call', lines: ['Activity · Call'], link: { object: 'activity', id: 'a-1' } });
    expect(timelineEntry({ kind: 'activity', at: AT, by: null, object: 'task', id: 't-1', title: null, record: {} }, 0, context())).toMatchObject({
      title: 'Untitled activity',
      lines: ['task'],
    });
  });

  it('shows an approval with its process, status colour, waiting step, action and comment', () => {
    const pending = timelineEntry({ kind: 'approval', at: AT, by: 'u-1', id: 'r-1', process: 'discount', status: 'pending', step: 'manager' }, 0, context());
    expect(pending).toMatchObject({ icon: 'approval', color: 'warning', title: 'Approval: Large discount approval', lines: ['Status: Pending', 'Waiting at step: Manager review'] });
    const approved = timelineEntry(
      { kind: 'approval', at: AT, by: 'u-1', process: 'discount', status: 'approved', step: 'manager', action: 'approve', comment: 'Fine for three years' },
      0,
      context(),
    );
    expect(approved.color).toBe('success');
    // the action that decided it repeats the status: only its comment is added
    expect(approved.lines).toEqual(['Status: Approved', '“Fine for three years”']);
    const recalled = timelineEntry({ kind: 'approval', at: AT, by: 'u-1', process: 'discount', status: 'recalled', action: 'recall', comment: '折扣有误' }, 0, context('zh-CN'));
    expect(recalled.lines).toEqual(['状态：已撤回', '“折扣有误”']);
    const returned = timelineEntry({ kind: 'approval', at: AT, by: 'u-1', process: 'discount', status: 'pending', step: 'manager', action: 'return', comment: '补充合同' }, 0, context('zh-CN'));
    expect(returned.lines).toEqual(['状态：待审批', '等待步骤：Manager review', '操作：退回到之前的步骤', '“补充合同”']);
    // an action this page has no words for is shown as the API names it
    expect(timelineEntry({ kind: 'approval', at: AT, by: null, process: 'discount', status: 'pending', action: 'delegate' }, 0, context()).lines).toContain('Action: delegate');
    expect(timelineEntry({ kind: 'approval', at: AT, by: null, process: 'discount', status: 'rejected' }, 0, context()).color).toBe('danger');
  });

  it('shows a plugin event by its kind and summary', () => {
    expect(timelineEntry({ kind: 'docusign.sent', at: AT, by: null, summary: 'Contract sent' }, 0, context())).toMatchObject({
      icon: 'event',
      color: 'info',
      title: 'Event: docusign.sent',
      lines: ['Contract sent'],
    });
  });

  it('speaks Chinese', () => {
    const entry = timelineEntry({ kind: 'approval', at: AT, by: null, process: 'discount', status: 'approved' }, 0, context('zh-CN'));
    expect(entry.title).toBe('审批：Large discount approval');
    expect(entry.lines).toEqual(['状态：已通过']);
    expect(timelineEntry({ kind: 'stage', at: AT, by: null, pipeline: 'sales', from: 'qualify', to: 'proposal' }, 0, context('zh-CN')).title).toBe('阶段变更');
  });

  it('gives every entry a distinct key even at the same instant', () => {
    const a = timelineEntry({ kind: 'history', at: AT, by: null, changes: {} }, 0, context());
    const b = timelineEntry({ kind: 'history', at: AT, by: null, changes: {} }, 1, context());
    expect(a.key).not.toBe(b.key);
  });
});

describe('relativeTime and exactTime', () => {
  const now = Date.parse(AT);
  it('uses the largest whole unit, "now" under a minute', () => {
    expect(relativeTime('2026-11-30T09:59:30.000Z', now, 'en')).toBe('now');
    expect(relativeTime('2026-11-30T09:55:00.000Z', now, 'en')).toBe('5 minutes ago');
    expect(relativeTime('2026-11-30T07:00:00.000Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2026-11-29T10:00:00.000Z', now, 'en')).toBe('yesterday');
    expect(relativeTime('2026-11-30T07:00:00.000Z', now, 'zh-CN')).toBe('3小时前');
  });
  it('keeps an unreadable instant as it came, and gives the exact instant for the hover', () => {
    expect(relativeTime('soon', now, 'en')).toBe('soon');
    expect(exactTime(AT, 'en')).toContain('2026');
    expect(exactTime(AT, 'en')).toContain('November 30');
  });
});
