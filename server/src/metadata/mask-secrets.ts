import type { AutomationDef, MetadataSet } from '@loom/metadata';

export const MASK = '****';

/** Webhook secrets never leave the server: every metadata read shows them as `****` (API.md). */
export function maskSecrets<T extends Partial<MetadataSet>>(set: T): T {
  if (!set.automations) return set;
  const automations = Object.fromEntries(Object.entries(set.automations).map(([name, a]) => [name, maskAutomation(a)]));
  return { ...set, automations };
}

export function maskAutomation(a: AutomationDef): AutomationDef {
  if (!a?.actions?.some((x) => x.type === 'webhook' && x.secret)) return a;
  return { ...a, actions: a.actions.map((x) => (x.type === 'webhook' && x.secret ? { ...x, secret: MASK } : x)) };
}

/** A write that sends `****` back keeps the stored secret of the same action (matched by position and url). */
export function keepMaskedSecrets(next: AutomationDef, previous: AutomationDef | undefined): AutomationDef {
  if (!previous || !Array.isArray(next.actions)) return next;
  return {
    ...next,
    actions: next.actions.map((x, i) => {
      if (x.type !== 'webhook' || x.secret !== MASK) return x;
      const old = previous.actions?.[i];
      return old?.type === 'webhook' && old.url === x.url && old.secret && old.secret !== MASK ? { ...x, secret: old.secret } : x;
    }),
  };
}
