import { isRecordTrigger, type AutomationDef, type MetadataSet } from '@loom/metadata';

/** Chains of automation writes deeper than this are stopped (DESIGN.md §2). */
export const MAX_CHAIN_DEPTH = 5;

/** A run whose own writes would be deeper than the limit does not run; it is logged as a loop. */
export function exceedsChainDepth(eventDepth: number): boolean {
  return eventDepth + 1 > MAX_CHAIN_DEPTH;
}

interface Write {
  object: string;
  fields: string[];
  kind: 'create' | 'update';
}

function writesOf(def: AutomationDef): Write[] {
  const out: Write[] = [];
  for (const a of def.actions) {
    if (a.type === 'updateRecord' && 'object' in def.trigger && def.trigger.object) out.push({ object: def.trigger.object, fields: [...Object.keys(a.values ?? {}), ...Object.keys(a.addTags ?? {}), ...Object.keys(a.removeTags ?? {})], kind: 'update' });
    if (a.type === 'createRecord') out.push({ object: a.object, fields: Object.keys(a.values), kind: 'create' });
  }
  return out;
}

function fires(def: AutomationDef, w: Write, set: MetadataSet): boolean {
  if (def.enabled === false || !isRecordTrigger(def.trigger) || def.trigger.object !== w.object) return false;
  const t = def.trigger;
  if (w.kind === 'create') return t.event === 'created';
  if (t.event === 'updated') return !t.fields?.length || t.fields.some((f) => w.fields.includes(f));
  if (t.event === 'stageChanged') return w.fields.some((f) => set.objects[w.object]?.fields[f]?.type === 'stage');
  return false;
}

/**
 * A chain of automations that may trigger `start` again through their record writes
 * (`['a', 'b', 'a']`), or null. Conditions (`where`) are not evaluated: this says "may loop".
 */
export function findAutomationLoop(set: MetadataSet, start: string): string[] | null {
  const defs = set.automations ?? {};
  const visit = (name: string, path: string[]): string[] | null => {
    if (path.length > MAX_CHAIN_DEPTH + 1) return null;
    for (const w of writesOf(defs[name])) {
      for (const next of Object.values(defs).filter((d) => fires(d, w, set)).map((d) => d.name).sort()) {
        if (next === start) return [...path, next];
        if (!path.includes(next)) {
          const found = visit(next, [...path, next]);
          if (found) return found;
        }
      }
    }
    return null;
  };
  return defs[start] ? visit(start, [start]) : null;
}
