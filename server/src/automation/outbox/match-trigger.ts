import { isRecordTrigger, type AutomationDef, type MetadataSet, type RecordEvent } from '@loom/metadata';
import type { OutboxEvent } from './outbox-event.js';

/** The trigger events an outbox event can fire (before `fields` and `where`). */
export function recordEventsOf(event: Pick<OutboxEvent, 'type' | 'object' | 'payload'>, set: MetadataSet): RecordEvent[] {
  switch (event.type) {
    case 'record.created': return ['created'];
    case 'record.deleted': return ['deleted'];
    case 'record.updated': {
      const changed = Object.keys(event.payload.changes ?? {});
      const obj = event.object ? set.objects[event.object] : undefined;
      const stageChanged = !!obj && changed.some((f) => obj.fields[f]?.type === 'stage');
      return stageChanged ? ['updated', 'stageChanged'] : ['updated'];
    }
    case 'approval.decided': return ['approvalDecided'];
    default: return [];
  }
}

/**
 * Does this automation's record trigger fire for the event, judging by object, event and `fields`
 * (a listed field changed to a different value)? `where` is checked on the record afterwards.
 */
export function triggerFires(def: AutomationDef, event: Pick<OutboxEvent, 'type' | 'object' | 'payload'>, set: MetadataSet): boolean {
  if (def.enabled === false || !isRecordTrigger(def.trigger)) return false;
  const t = def.trigger;
  if (t.object !== event.object || !recordEventsOf(event, set).includes(t.event)) return false;
  if (t.event === 'updated' && t.fields?.length) {
    // the writer lists a field in `changes` only when its value differs (records/lib/record-changes.ts)
    const changes = event.payload.changes ?? {};
    return t.fields.some((f) => Object.hasOwn(changes, f));
  }
  return true;
}

/** The automations an event fires, in name order. */
export function automationsFiredBy(event: Pick<OutboxEvent, 'type' | 'object' | 'payload'>, set: MetadataSet): AutomationDef[] {
  return Object.values(set.automations ?? {})
    .filter((def) => triggerFires(def, event, set))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

