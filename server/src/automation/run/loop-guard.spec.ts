import { describe, expect, it } from 'vitest';
import type { AutomationDef, MetadataSet } from '@loom/metadata';
import { exceedsChainDepth, findAutomationLoop } from './loop-guard.js';

const set = (automations: AutomationDef[]) => ({
  objects: {
    deal: { name: 'deal', fields: { name: { type: 'text' }, n: { type: 'integer' }, stage: { type: 'stage', pipeline: 'p' } } },
    task: { name: 'task', fields: { subject: { type: 'text' } } },
  },
  automations: Object.fromEntries(automations.map((a) => [a.name, a])),
}) as unknown as MetadataSet;
const auto = (name: string, trigger: object, actions: object[], enabled?: boolean) =>
  ({ kind: 'automation', name, trigger, actions, ...(enabled === false ? { enabled } : {}) }) as AutomationDef;

describe('exceedsChainDepth', () => {
  it('lets chains of 5 automation writes through and stops the sixth', () => {
    expect([0, 1, 4].map(exceedsChainDepth)).toEqual([false, false, false]);
    expect([5, 6].map(exceedsChainDepth)).toEqual([true, true]);
  });
});

describe('findAutomationLoop', () => {
  it('finds an automation that updates the fields it listens to', () => {
    const s = set([auto('bump', { object: 'deal', event: 'updated', fields: ['n'] }, [{ type: 'updateRecord', values: { n: 1 } }])]);
    expect(findAutomationLoop(s, 'bump')).toEqual(['bump', 'bump']);
  });
  it('finds a loop through another automation', () => {
    const s = set([
      auto('a', { object: 'deal', event: 'updated' }, [{ type: 'createRecord', object: 'task', values: { subject: 'x' } }]),
      auto('b', { object: 'task', event: 'created' }, [{ type: 'createRecord', object: 'task', values: { subject: 'y' } }, { type: 'notify', user: 'u', message: 'm' }]),
    ]);
    expect(findAutomationLoop(s, 'b')).toEqual(['b', 'b']);
    expect(findAutomationLoop(s, 'a')).toBeNull();
  });
  it('sees stage writes as stageChanged', () => {
    const s = set([
      auto('won', { object: 'deal', event: 'stageChanged' }, [{ type: 'updateRecord', values: { stage: 'won' } }]),
    ]);
    expect(findAutomationLoop(s, 'won')).toEqual(['won', 'won']);
  });
  it('no loop when the written fields are not listened to, or the other rule is disabled', () => {
    expect(findAutomationLoop(set([auto('a', { object: 'deal', event: 'updated', fields: ['stage'] }, [{ type: 'updateRecord', values: { n: 1 } }])]), 'a')).toBeNull();
    const s = set([
      auto('a', { object: 'deal', event: 'created' }, [{ type: 'createRecord', object: 'deal', values: { name: 'x' } }], false),
    ]);
    expect(findAutomationLoop(s, 'a')).toBeNull();
  });
});
