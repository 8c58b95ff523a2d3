import type { ApprovalDef } from '@loom/metadata';
import { describe, expect, it } from 'vitest';
import { describeSteps } from './describe-steps.js';

const def: ApprovalDef = {
  kind: 'approval', name: 'p', object: 'opportunity',
  steps: [{ name: 'a', approvers: { role: 'x' } }, { name: 'b', approvers: { role: 'x' }, mode: 'all' }, { name: 'c', approvers: { role: 'x' } }],
};
const statuses = (...args: Parameters<typeof describeSteps> extends [unknown, ...infer R] ? R : never) => describeSteps(def, ...args).map((s) => s.status);

describe('describeSteps', () => {
  it('pending at the second step: first approved, then current, then waiting', () => {
    expect(statuses('pending', 1, [{ step: 0 }, { step: 1 }])).toEqual(['approved', 'current', 'waiting']);
    expect(describeSteps(def, 'pending', 1, [])[1]).toEqual({ index: 1, name: 'b', mode: 'all', status: 'current' });
  });

  it('a step without tasks before the current one was skipped', () => {
    expect(statuses('pending', 2, [{ step: 0 }, { step: 2 }])).toEqual(['approved', 'skipped', 'current']);
  });

  it('approved: later steps were skipped; rejected or recalled: never reached', () => {
    expect(statuses('approved', 1, [{ step: 0 }, { step: 1 }])).toEqual(['approved', 'approved', 'skipped']);
    expect(statuses('rejected', 0, [{ step: 0 }])).toEqual(['rejected', 'notReached', 'notReached']);
    expect(statuses('recalled', 1, [{ step: 0 }, { step: 1 }])).toEqual(['approved', 'recalled', 'notReached']);
  });

  it('approved with no step applying: every step skipped', () => {
    expect(statuses('approved', 0, [])).toEqual(['skipped', 'skipped', 'skipped']);
  });
});
