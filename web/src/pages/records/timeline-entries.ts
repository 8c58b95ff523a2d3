import type { TimelineItem } from '@/api/records';
import type { FieldDefinition } from '@/fields/field-definition';

/** How an entry looks: the icon and `el-timeline-item` colour of its kind. */
export type TimelineIcon = 'create' | 'edit' | 'restore' | 'merge' | 'delete' | 'stage' | 'activity' | 'approval' | 'event';
export type TimelineColor = 'primary' | 'success' | 'warning' | 'danger' | 'info';

/** One timeline item as the tab shows it: every text already in the UI language. */
export interface TimelineEntry {
  key: string;
  kind: string;
  icon: TimelineIcon;
  color: TimelineColor;
  /** "Edited", "Stage changed", "Approval: Large discount approval", the activity's subject… */
  title: string;
  /** "Amount: 100 → 200", "Lead → Proposal", "Status: Approved"… */
  lines: string[];
  /** The activity record the entry opens. */
  link?: { object: string; id: string };
  at: string;
  /** The author's name when the page knows it. */
  by: string | null;
  /** The author's user id (null for the system). */
  byId: string | null;
}

/** What formatting needs from the page: translations, field definitions and display formatting. */
export interface TimelineContext {
  t: (key: string, values?: Record<string, unknown>) => string;
  /** The record's object (its fields, system columns included, as the history tab finds them). */
  fieldOf: (name: string) => FieldDefinition;
  /** A field of another object (an activity's `type`), undefined when unknown. */
  otherFieldOf: (object: string, name: string) => FieldDefinition | undefined;
  /** The field's display text ('' when empty): the registry's formatter with locale and pipelines. */
  format: (value: unknown, field: FieldDefinition) => string;
  fieldLabel: (name: string) => string;
  objectLabel: (object: string) => string;
  stageLabel: (pipeline: string, stage: string) => string;
  processLabel: (process: string) => string;
  stepLabel: (process: string, step: string) => string;
  userName: (id: string) => string | null;
}

/** Changed fields shown per history entry; the rest is counted. */
export const MAX_CHANGE_LINES = 6;

const HISTORY_ICONS: Record<string, TimelineIcon> = { create: 'create', update: 'edit', restore: 'restore', merge: 'merge', delete: 'delete' };
const HISTORY_COLORS: Record<string, TimelineColor> = { create: 'success', update: 'primary', restore: 'warning', merge: 'warning', delete: 'danger' };
const APPROVAL_COLORS: Record<string, TimelineColor> = { pending: 'warning', approved: 'success', rejected: 'danger', recalled: 'info' };

const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : null);

/** A user id is named when the page knows the name; an expanded reference already is. */
function shownValue(value: unknown, field: FieldDefinition, context: TimelineContext): unknown {
  if (field.type !== 'user' || typeof value !== 'string') return value;
  const name = context.userName(value);
  return name ? { id: value, name } : value;
}

function valueText(value: unknown, field: FieldDefinition, context: TimelineContext): string {
  if (isBlank(value)) return context.t('timeline.blank');
  return context.format(shownValue(value, field, context), field) || String(value);
}

/** "Amount: 100 → 200"; a field set for the first time is "Amount: 200". */
export function changeLine(name: string, change: { from: unknown; to: unknown }, context: TimelineContext): string {
  const field = context.fieldOf(name);
  const to = valueText(change.to, field, context);
  const label = context.fieldLabel(name);
  return isBlank(change.from) ? `${label}: ${to}` : `${label}: ${valueText(change.from, field, context)} → ${to}`;
}

function historyEntry(item: TimelineItem, context: TimelineContext): Pick<TimelineEntry, 'icon' | 'color' | 'title' | 'lines'> {
  const action = typeof item.action === 'string' ? item.action : 'update';
  const changes = (item.changes && typeof item.changes === 'object' ? item.changes : {}) as Record<string, { from: unknown; to: unknown }>;
  const names = Object.keys(changes).filter((name) => name !== 'merged');
  const lines = names.slice(0, MAX_CHANGE_LINES).map((name) => changeLine(name, changes[name] ?? { from: null, to: null }, context));
  if (names.length > MAX_CHANGE_LINES) lines.push(context.t('timeline.moreChanges', { count: names.length - MAX_CHANGE_LINES }));
  if (action === 'merge' && Array.isArray(item.merged) && item.merged.length) lines.unshift(context.t('timeline.merged', { count: item.merged.length }));
  const known = action in HISTORY_ICONS;
  return {
    icon: HISTORY_ICONS[action] ?? 'edit',
    color: HISTORY_COLORS[action] ?? 'primary',
    title: known ? context.t(`timeline.history.${action}`) : context.t('timeline.history.other', { action }),
    lines,
  };
}

function stageEntry(item: TimelineItem, context: TimelineContext): Pick<TimelineEntry, 'icon' | 'color' | 'title' | 'lines'> {
  const pipeline = String(item.pipeline ?? '');
  const to = context.stageLabel(pipeline, String(item.to ?? ''));
  const from = text(item.from) ? context.stageLabel(pipeline, String(item.from)) : null;
  return { icon: 'stage', color: 'primary', title: context.t('timeline.stage'), lines: [from ? `${from} → ${to}` : to] };
}

function activityEntry(item: TimelineItem, context: TimelineContext): Pick<TimelineEntry, 'icon' | 'color' | 'title' | 'lines' | 'link'> {
  const object = String(item.object ?? '');
  const record = (item.record && typeof item.record === 'object' ? item.record : {}) as Record<string, unknown>;
  const lines: string[] = [];
  const typeField = context.otherFieldOf(object, 'type');
  if (typeField && !isBlank(record.type)) lines.push(context.format(record.type, typeField) || String(record.type));
  const objectName = context.objectLabel(object);
  lines.unshift(objectName);
  return {
    icon: 'activity',
    color: 'info',
    title: text(item.title) ?? context.t('timeline.untitledActivity'),
    lines: [lines.join(' · ')],
    link: typeof item.id === 'string' && object ? { object, id: item.id } : undefined,
  };
}

/** The actions of an approval request that have words in `timeline.approvalActions`. */
const APPROVAL_ACTIONS = new Set(['submit', 'approve', 'reject', 'return', 'recall', 'reassign', 'escalate', 'comment']);
/** The status an action leaves the request in when it ends it. */
const DECIDED_BY: Record<string, string> = { approve: 'approved', reject: 'rejected', recall: 'recalled' };

function approvalEntry(item: TimelineItem, context: TimelineContext): Pick<TimelineEntry, 'icon' | 'color' | 'title' | 'lines'> {
  const process = String(item.process ?? '');
  const status = text(item.status);
  const lines: string[] = [];
  if (status) lines.push(context.t('timeline.approvalStatus', { status: context.t(`timeline.approvalStatuses.${status in APPROVAL_COLORS ? status : 'other'}`, { status }) }));
  if (text(item.step) && status === 'pending') lines.push(context.t('timeline.approvalStep', { step: context.stepLabel(process, String(item.step)) }));
  const action = text(item.action);
  // "Approved" under "Status: Approved" says nothing new; a comment, return, reassignment… does
  if (action && !(status && DECIDED_BY[action] === status)) {
    lines.push(context.t('timeline.approvalAction', { action: APPROVAL_ACTIONS.has(action) ? context.t(`timeline.approvalActions.${action}`) : action }));
  }
  if (text(item.comment)) lines.push(`“${String(item.comment)}”`);
  return {
    icon: 'approval',
    color: (status && APPROVAL_COLORS[status]) || 'warning',
    title: context.t('timeline.approval', { process: process ? context.processLabel(process) : '' }),
    lines,
  };
}

/** Plugin events and kinds this page does not know yet: their kind and whatever summary they carry. */
function otherEntry(item: TimelineItem, context: TimelineContext): Pick<TimelineEntry, 'icon' | 'color' | 'title' | 'lines'> {
  const summary = text(item.summary) ?? text(item.message) ?? text(item.title) ?? text(item.type);
  return { icon: 'event', color: 'info', title: context.t('timeline.event', { kind: item.kind }), lines: summary ? [summary] : [] };
}

/** One API item as the timeline tab shows it. */
export function timelineEntry(item: TimelineItem, index: number, context: TimelineContext): TimelineEntry {
  const shape =
    item.kind === 'history'
      ? historyEntry(item, context)
      : item.kind === 'stage'
        ? stageEntry(item, context)
        : item.kind === 'activity'
          ? activityEntry(item, context)
          : item.kind === 'approval'
            ? approvalEntry(item, context)
            : otherEntry(item, context);
  const byId = typeof item.by === 'string' ? item.by : null;
  const by = byId ? context.userName(byId) : null;
  return { key: `${item.kind}-${item.at}-${index}`, kind: item.kind, at: item.at, by, byId, ...shape };
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday", "刚刚"…: the largest whole unit, "now" under a minute. */
export function relativeTime(at: string, now: number, locale: string): string {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) return at;
  const seconds = Math.round((ms - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** The exact instant, for the hover title. */
export function exactTime(at: string, locale: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(date);
}
