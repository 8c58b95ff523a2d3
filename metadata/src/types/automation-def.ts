import type { ConditionJson } from './condition-json.js';
import type { Label } from './label.js';

export type RecordEvent = 'created' | 'updated' | 'deleted' | 'stageChanged' | 'approvalDecided';

export interface RecordTrigger {
  object: string;
  event: RecordEvent;
  /** With `updated`: fire only when one of these changes to a different value. */
  fields?: string[];
  where?: ConditionJson;
}
export interface ScheduleTrigger {
  /** 5-field cron, UTC. */
  schedule: string;
  object?: string;
  where?: ConditionJson;
}
export interface DateTrigger {
  object: string;
  dateField: string;
  offsetDays: number;
  /** `HH:MM`, UTC. */
  at?: string;
  where?: ConditionJson;
}
export type AutomationTrigger = RecordTrigger | ScheduleTrigger | DateTrigger;

/** Values are templates (`{{record.name}}`, `{{user.id}}`) or `$today` / `$now`. */
export type TemplateValues = Record<string, unknown>;

export type AutomationAction =
  /** `addTags` / `removeTags`: tags per `tags` field, added to or removed from the record's own (the rest kept). */
  | { type: 'updateRecord'; values?: TemplateValues; addTags?: Record<string, string[]>; removeTags?: Record<string, string[]> }
  | { type: 'createRecord'; object: string; values: TemplateValues }
  | { type: 'sendEmail'; to: string | string[]; subject: string; body: string }
  | { type: 'webhook'; url: string; method?: 'POST' | 'PUT' | 'PATCH'; headers?: Record<string, string>; secret?: string; body?: unknown }
  | { type: 'notify'; user: string; message: string }
  | { type: 'startApproval'; process: string };

export type AutomationActionType = AutomationAction['type'];

export interface AutomationDef {
  kind: 'automation';
  name: string;
  label?: Label;
  description?: Label;
  enabled?: boolean;
  trigger: AutomationTrigger;
  actions: AutomationAction[];
}

export function isRecordTrigger(t: AutomationTrigger): t is RecordTrigger {
  return 'event' in t;
}
export function isScheduleTrigger(t: AutomationTrigger): t is ScheduleTrigger {
  return 'schedule' in t;
}
export function isDateTrigger(t: AutomationTrigger): t is DateTrigger {
  return 'dateField' in t;
}
