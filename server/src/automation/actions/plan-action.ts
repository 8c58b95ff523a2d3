import type { AutomationAction } from '@loom/metadata';
import type { TagEdits } from '../../records/lib/apply-tag-edits.js';
import { renderTemplate, renderText, type TemplateContext } from '../template/render-template.js';

/** The event an action runs for, as templates and webhook bodies see it. */
export interface ActionEvent {
  automation: string;
  eventId: string;
  event: string;
  object: string | null;
  recordId: string | null;
  changes?: Record<string, { from: unknown; to: unknown }>;
}

/** An action with every template rendered: what dry-run shows and what the runner executes. */
export type PlannedAction =
  | { index: number; type: 'updateRecord'; object: string; recordId: string; values: Record<string, unknown>; tags?: TagEdits }
  | { index: number; type: 'createRecord'; object: string; values: Record<string, unknown> }
  | { index: number; type: 'sendEmail'; to: string[]; subject: string; body: string }
  | { index: number; type: 'webhook'; url: string; method: string; headers: Record<string, string>; secret?: string; body: string }
  | { index: number; type: 'notify'; user: string; message: string }
  | { index: number; type: 'startApproval'; process: string; object: string | null; recordId: string | null };

/**
 * Renders one action for one event. Pure: no I/O, so dry-run and the real run render identically.
 * The webhook body is the contract's `{ event, eventId, object, record, changes?, automation }`
 * (plus `data`, the action's rendered `body`, when it has one), serialized once: it is signed as sent.
 */
export function planAction(action: AutomationAction, index: number, e: ActionEvent, ctx: TemplateContext): PlannedAction {
  switch (action.type) {
    case 'updateRecord':
      if (!e.object || !e.recordId) throw new Error('updateRecord needs a triggering record');
      return {
        index, type: 'updateRecord', object: e.object, recordId: e.recordId, values: renderValues(action.values ?? {}, ctx),
        ...(action.addTags || action.removeTags ? { tags: { ...(action.addTags ? { addTags: action.addTags } : {}), ...(action.removeTags ? { removeTags: action.removeTags } : {}) } } : {}),
      };
    case 'createRecord':
      return { index, type: 'createRecord', object: action.object, values: renderValues(action.values, ctx) };
    case 'sendEmail': {
      const to = (Array.isArray(action.to) ? action.to : [action.to])
        .flatMap((t) => renderText(t, ctx).split(/[,;]/)).map((t) => t.trim()).filter(Boolean);
      return { index, type: 'sendEmail', to, subject: renderText(action.subject, ctx).replace(/[\r\n]+/g, ' '), body: renderText(action.body, ctx) };
    }
    case 'webhook': {
      const payload: Record<string, unknown> = {
        event: e.event, eventId: e.eventId, object: e.object, record: ctx.record ?? null,
        ...(e.changes ? { changes: e.changes } : {}), automation: e.automation,
        ...(action.body !== undefined ? { data: renderTemplate(action.body, ctx) } : {}),
      };
      const headers = Object.fromEntries(Object.entries(action.headers ?? {}).map(([k, v]) => [k.toLowerCase(), renderText(v, ctx).replace(/[\r\n]+/g, ' ')]));
      return { index, type: 'webhook', url: renderText(action.url, ctx), method: action.method ?? 'POST', headers, secret: action.secret, body: JSON.stringify(payload) };
    }
    case 'notify':
      return { index, type: 'notify', user: renderText(action.user, ctx).trim(), message: renderText(action.message, ctx) };
    case 'startApproval':
      return { index, type: 'startApproval', process: action.process, object: e.object, recordId: e.recordId };
  }
}

function renderValues(values: Record<string, unknown>, ctx: TemplateContext): Record<string, unknown> {
  return renderTemplate(values, ctx) as Record<string, unknown>;
}

/** The planned action as the run log and dry-run show it: no secret, the body parsed back. */
export function describePlannedAction(p: PlannedAction): Record<string, unknown> {
  if (p.type !== 'webhook') return { ...p };
  const { secret, body, ...rest } = p;
  return { ...rest, body: JSON.parse(body), signed: secret ? 'with the action secret' : 'with the automation secret' };
}
