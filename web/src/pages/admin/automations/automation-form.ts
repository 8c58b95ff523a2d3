import { isDateTrigger, isScheduleTrigger } from '@loom/metadata';
import type { AutomationAction, AutomationActionType, AutomationDef, AutomationTrigger, ConditionJson, FieldDef, RecordEvent } from '@loom/metadata';
import { cloneJson, extraProps, labelForm, labelFromForm, setDefined } from '@/designers/label-form';
import type { LabelForm } from '@/designers/label-form';
import { valueRows, valuesFromRows } from '@/designers/value-rows';
import type { ValueRow } from '@/designers/value-rows';

export { rowValue, valueRow, valueText } from '@/designers/value-rows';
export type { ValueRow } from '@/designers/value-rows';

export type TriggerType = 'record' | 'schedule' | 'date';

/** One `tags` field of a tag edit and the tags added to (or removed from) it. */
export interface TagEditRow {
  uid: number;
  field: string;
  tags: string[];
}

export interface ActionForm {
  uid: number;
  type: AutomationActionType;
  object: string;
  values: ValueRow[];
  /** updateRecord `addTags` / `removeTags`, one row per tags field. */
  addTags: TagEditRow[];
  removeTags: TagEditRow[];
  /** The action's properties this editor does not edit, written back as they were. */
  extra: Record<string, unknown>;
  to: string;
  /** The document gave `to` as a list. */
  toList: boolean;
  subject: string;
  body: string;
  url: string;
  method: '' | 'POST' | 'PUT' | 'PATCH';
  headers: ValueRow[];
  secret: string;
  /** The webhook body as JSON text ('' = none). */
  payload: string;
  payloadOriginal?: unknown;
  user: string;
  message: string;
  process: string;
}

export interface AutomationForm {
  name: string;
  label: LabelForm;
  description: LabelForm;
  /** null: the document does not say (enabled). */
  enabled: boolean | null;
  triggerType: TriggerType;
  object: string;
  event: RecordEvent;
  fields: string[];
  where: ConditionJson | undefined;
  schedule: string;
  dateField: string;
  offsetDays: number;
  at: string;
  actions: ActionForm[];
  extra: Record<string, unknown>;
}

const AUTOMATION_PROPS = ['kind', 'name', 'label', 'description', 'enabled', 'trigger', 'actions'];

let lastUid = 0;
const nextUid = () => (lastUid += 1);

/** The properties each action type's inputs edit; every other property is kept as it was. */
const ACTION_PROPS: Record<AutomationActionType, readonly string[]> = {
  updateRecord: ['type', 'values', 'addTags', 'removeTags'],
  createRecord: ['type', 'object', 'values'],
  sendEmail: ['type', 'to', 'subject', 'body'],
  webhook: ['type', 'url', 'method', 'headers', 'secret', 'body'],
  notify: ['type', 'user', 'message'],
  startApproval: ['type', 'process'],
};

export function tagEditRow(field = '', tags: string[] = []): TagEditRow {
  return { uid: nextUid(), field, tags: [...tags] };
}

function tagEditRows(edits: unknown): TagEditRow[] {
  if (!edits || typeof edits !== 'object') return [];
  return Object.entries(edits as Record<string, unknown>).map(([field, tags]) => tagEditRow(field, Array.isArray(tags) ? tags.map(String) : []));
}

/** `{ field: [tags] }` from the rows: rows without a field or tags are left out; undefined when none is left. */
export function tagEditsDocument(rows: TagEditRow[]): Record<string, string[]> | undefined {
  const edits: Record<string, string[]> = {};
  for (const row of rows) {
    const field = row.field.trim();
    const tags = [...new Set(row.tags.map((tag) => tag.trim()).filter(Boolean))];
    if (field && tags.length) edits[field] = [...(edits[field] ?? []), ...tags.filter((tag) => !edits[field]?.includes(tag))];
  }
  return Object.keys(edits).length ? edits : undefined;
}

export function actionForm(action: Partial<AutomationAction> & { type: AutomationActionType }): ActionForm {
  const a = action as Record<string, unknown>;
  const to = a.to as string | string[] | undefined;
  return {
    uid: nextUid(),
    type: action.type,
    object: (a.object as string | undefined) ?? '',
    values: valueRows(a.values as Record<string, unknown> | undefined),
    addTags: action.type === 'updateRecord' ? tagEditRows(a.addTags) : [],
    removeTags: action.type === 'updateRecord' ? tagEditRows(a.removeTags) : [],
    extra: cloneJson(extraProps(action, ACTION_PROPS[action.type] ?? ['type'])),
    to: Array.isArray(to) ? to.join(', ') : (to ?? ''),
    toList: Array.isArray(to),
    subject: (a.subject as string | undefined) ?? '',
    body: action.type === 'sendEmail' ? ((a.body as string | undefined) ?? '') : '',
    url: (a.url as string | undefined) ?? '',
    method: (a.method as ActionForm['method'] | undefined) ?? '',
    headers: valueRows(a.headers as Record<string, string> | undefined),
    secret: (a.secret as string | undefined) ?? '',
    payload: action.type === 'webhook' && a.body !== undefined ? JSON.stringify(a.body, null, 2) : '',
    payloadOriginal: action.type === 'webhook' ? cloneJson(a.body) : undefined,
    user: (a.user as string | undefined) ?? '',
    message: (a.message as string | undefined) ?? '',
    process: (a.process as string | undefined) ?? '',
  };
}

export function automationForm(document: Partial<AutomationDef>): AutomationForm {
  const trigger = (document.trigger ?? { object: '', event: 'created' }) as AutomationTrigger & Record<string, unknown>;
  const type: TriggerType = isScheduleTrigger(trigger) ? 'schedule' : isDateTrigger(trigger) ? 'date' : 'record';
  return {
    name: document.name ?? '',
    label: labelForm(document.label),
    description: labelForm(document.description),
    enabled: document.enabled ?? null,
    triggerType: type,
    object: (trigger.object as string | undefined) ?? '',
    event: (trigger.event as RecordEvent | undefined) ?? 'created',
    fields: [...((trigger.fields as string[] | undefined) ?? [])],
    where: cloneJson(trigger.where as ConditionJson | undefined),
    schedule: (trigger.schedule as string | undefined) ?? '0 9 * * *',
    dateField: (trigger.dateField as string | undefined) ?? '',
    offsetDays: (trigger.offsetDays as number | undefined) ?? 0,
    at: (trigger.at as string | undefined) ?? '',
    actions: (document.actions ?? []).map(actionForm),
    extra: cloneJson(extraProps(document, AUTOMATION_PROPS)),
  };
}

export function triggerDocument(form: AutomationForm): AutomationTrigger {
  const where = form.where && Object.keys(form.where).length ? cloneJson(form.where) : undefined;
  if (form.triggerType === 'schedule') {
    const trigger: AutomationTrigger = { schedule: form.schedule.trim() };
    setDefined(trigger, 'object', form.object || undefined);
    setDefined(trigger, 'where', form.object ? where : undefined);
    return trigger;
  }
  if (form.triggerType === 'date') {
    const trigger: AutomationTrigger = { object: form.object, dateField: form.dateField, offsetDays: form.offsetDays };
    setDefined(trigger, 'at', form.at || undefined);
    setDefined(trigger, 'where', where);
    return trigger;
  }
  const trigger: AutomationTrigger = { object: form.object, event: form.event };
  setDefined(trigger, 'fields', form.event === 'updated' && form.fields.length ? [...form.fields] : undefined);
  setDefined(trigger, 'where', where);
  return trigger;
}

type FieldLookup = (object: string, field: string) => Pick<FieldDef, 'type'> | undefined;

function valuesDocument(rows: ValueRow[], object: string, field: FieldLookup): Record<string, unknown> {
  return valuesFromRows(rows, (name) => field(object, name));
}

/** The webhook body: the original while its text is unchanged, else the parsed JSON (text that is no JSON is sent as a string). */
export function payloadValue(action: ActionForm): unknown {
  if (!action.payload.trim()) return undefined;
  if (action.payloadOriginal !== undefined && JSON.stringify(action.payloadOriginal, null, 2) === action.payload) return cloneJson(action.payloadOriginal);
  try {
    return JSON.parse(action.payload) as unknown;
  } catch {
    return action.payload;
  }
}

/** One action as the document spells it (API.md "Automation actions"), with the properties not edited here kept. */
export function actionDocument(action: ActionForm, triggerObject: string, field: FieldLookup): AutomationAction {
  return { ...cloneJson(action.extra), ...editedAction(action, triggerObject, field) } as AutomationAction;
}

function editedAction(action: ActionForm, triggerObject: string, field: FieldLookup): AutomationAction {
  switch (action.type) {
    case 'updateRecord': {
      const values = valuesDocument(action.values, triggerObject, field);
      const document: AutomationAction = { type: 'updateRecord' };
      // `values` may be left out when tags are edited; an action with nothing at all keeps `values: {}` so the server names it.
      const addTags = tagEditsDocument(action.addTags);
      const removeTags = tagEditsDocument(action.removeTags);
      setDefined(document, 'values', Object.keys(values).length || (!addTags && !removeTags) ? values : undefined);
      setDefined(document, 'addTags', addTags);
      setDefined(document, 'removeTags', removeTags);
      return document;
    }
    case 'createRecord':
      return { type: 'createRecord', object: action.object, values: valuesDocument(action.values, action.object, field) };
    case 'sendEmail': {
      const list = action.to.split(',').map((entry) => entry.trim()).filter(Boolean);
      return { type: 'sendEmail', to: action.toList || list.length > 1 ? list : (list[0] ?? ''), subject: action.subject, body: action.body };
    }
    case 'webhook': {
      const document: AutomationAction = { type: 'webhook', url: action.url.trim() };
      setDefined(document, 'method', action.method || undefined);
      if (action.headers.some((row) => row.key.trim())) document.headers = Object.fromEntries(action.headers.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.text]));
      setDefined(document, 'secret', action.secret || undefined);
      setDefined(document, 'body', payloadValue(action));
      return document;
    }
    case 'notify':
      return { type: 'notify', user: action.user, message: action.message };
    case 'startApproval':
      return { type: 'startApproval', process: action.process };
  }
}

/** The full automation document (what `PUT /api/metadata/automations/{name}` gets). */
export function automationDocument(form: AutomationForm, field: FieldLookup = () => undefined): AutomationDef {
  const document: AutomationDef = {
    ...cloneJson(form.extra),
    kind: 'automation',
    name: form.name.trim(),
    trigger: triggerDocument(form),
    actions: form.actions.map((action) => actionDocument(action, form.object, field)),
  };
  setDefined(document, 'label', labelFromForm(form.label));
  setDefined(document, 'description', labelFromForm(form.description));
  setDefined(document, 'enabled', form.enabled ?? undefined);
  return document;
}

/** Every form item prop a server error path may point at (`trigger.schedule`, `actions.0.url`, …). */
export function automationErrorProps(form: AutomationForm): string[] {
  const props = ['name', 'label', 'description', 'enabled', 'trigger', 'actions'];
  for (const key of ['object', 'event', 'fields', 'where', 'schedule', 'dateField', 'offsetDays', 'at']) props.push(`trigger.${key}`);
  form.actions.forEach((_action, index) => {
    props.push(`actions.${index}`);
    for (const key of ['type', 'object', 'values', 'addTags', 'removeTags', 'to', 'subject', 'body', 'url', 'method', 'headers', 'secret', 'user', 'message', 'process']) {
      props.push(`actions.${index}.${key}`);
    }
  });
  return props;
}
