import { describe, expect, it } from 'vitest';
import type { AutomationAction } from '@loom/metadata';
import { describePlannedAction, planAction, type ActionEvent } from './plan-action.js';

const event: ActionEvent = { automation: 'greet', eventId: 'e-1', event: 'record.updated', object: 'contact', recordId: 'c-1', changes: { name: { from: 'A', to: 'Ann' } } };
const ctx = { record: { id: 'c-1', name: 'Ann', owner: 'u-1', email: 'ann@example.com' }, user: { id: 'u-9' }, now: new Date('2026-03-10T09:00:00Z') };

describe('planAction', () => {
  it('updateRecord targets the triggering record with rendered values', () => {
    expect(planAction({ type: 'updateRecord', values: { note: 'by {{user.id}}', seen: '$today' } }, 0, event, ctx))
      .toEqual({ index: 0, type: 'updateRecord', object: 'contact', recordId: 'c-1', values: { note: 'by u-9', seen: '2026-03-10' } });
  });

  it('updateRecord carries tag edits for the writer to merge with the tags the record has', () => {
    expect(planAction({ type: 'updateRecord', addTags: { tags: ['churn_risk'] }, removeTags: { tags: ['active'] } }, 0, event, ctx))
      .toEqual({ index: 0, type: 'updateRecord', object: 'contact', recordId: 'c-1', values: {}, tags: { addTags: { tags: ['churn_risk'] }, removeTags: { tags: ['active'] } } });
  });

  it('createRecord keeps whole-template values typed', () => {
    expect(planAction({ type: 'createRecord', object: 'task', values: { subject: 'Call {{record.name}}', owner: '{{record.owner}}', contact: '{{record.id}}' } }, 1, event, ctx))
      .toEqual({ index: 1, type: 'createRecord', object: 'task', values: { subject: 'Call Ann', owner: 'u-1', contact: 'c-1' } });
  });

  it('sendEmail renders addresses, subject (one line) and body', () => {
    const a: AutomationAction = { type: 'sendEmail', to: ['{{record.email}}', 'boss@example.com, ops@example.com'], subject: 'Hi\n{{record.name}}', body: 'Dear {{record.name}},\nwelcome.' };
    expect(planAction(a, 0, event, ctx)).toEqual({
      index: 0, type: 'sendEmail', to: ['ann@example.com', 'boss@example.com', 'ops@example.com'], subject: 'Hi Ann', body: 'Dear Ann,\nwelcome.',
    });
  });

  it('webhook body is the contract shape, serialized once', () => {
    const p = planAction({ type: 'webhook', url: 'https://hooks.example.com/{{record.id}}', headers: { 'X-Team': '{{record.owner}}' }, body: { who: '{{record.name}}' } }, 2, event, ctx);
    expect(p).toMatchObject({ type: 'webhook', url: 'https://hooks.example.com/c-1', method: 'POST', headers: { 'x-team': 'u-1' } });
    expect(JSON.parse((p as { body: string }).body)).toEqual({
      event: 'record.updated', eventId: 'e-1', object: 'contact', record: ctx.record, changes: event.changes, automation: 'greet', data: { who: 'Ann' },
    });
  });

  it('describes a webhook without its secret', () => {
    const p = planAction({ type: 'webhook', url: 'https://x.example.com/', secret: 'sixteen-chars-secret!' }, 0, event, ctx);
    const d = describePlannedAction(p);
    expect(JSON.stringify(d)).not.toContain('sixteen-chars-secret!');
    expect(d.signed).toBe('with the action secret');
  });

  it('notify and startApproval', () => {
    expect(planAction({ type: 'notify', user: '{{record.owner}}', message: '{{record.name}} changed' }, 0, event, ctx))
      .toEqual({ index: 0, type: 'notify', user: 'u-1', message: 'Ann changed' });
    expect(planAction({ type: 'startApproval', process: 'big_discount' }, 1, event, ctx))
      .toEqual({ index: 1, type: 'startApproval', process: 'big_discount', object: 'contact', recordId: 'c-1' });
  });

  it('updateRecord without a record is an error', () => {
    expect(() => planAction({ type: 'updateRecord', values: { a: 1 } }, 0, { ...event, object: null, recordId: null }, ctx)).toThrow();
  });
});
