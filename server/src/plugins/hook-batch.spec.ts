import { describe, expect, it, vi } from 'vitest';
import type { ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { writeChainDepth } from '../records/lib/write-chain.js';
import { HookBatch } from './hook-batch.js';
import type { RecordHooks } from './record-hooks.service.js';

const user = { id: 'u1', roles: ['admin'] } as CurrentUser;
const deal = { name: 'deal', fields: { title: { type: 'text' }, stage: { type: 'stage' } } } as unknown as ObjectDef;

function fakeHooks(present: string[]) {
  return {
    has: (object: string, hook: string) => present.includes(`${object}.${hook}`),
    before: vi.fn(async () => ({ patched: true })),
    after: vi.fn(),
  };
}

describe('HookBatch', () => {
  it('runs before hooks only for objects that have them, and returns their patch', async () => {
    const hooks = fakeHooks(['deal.beforeCreate']);
    const batch = new HookBatch(hooks as unknown as RecordHooks, user);
    expect(await batch.beforeCreate('deal', { title: 'a' })).toEqual({ patched: true });
    expect(await batch.beforeUpdate('deal', { id: '1' }, { title: 'b' })).toBeUndefined();
    expect(hooks.before).toHaveBeenCalledTimes(1);
    expect(hooks.before).toHaveBeenCalledWith('beforeCreate', user, 'deal', { record: { title: 'a' } });
  });

  it("runs hooks in the write chain of the batch's depth (what they write carries it), and outside it without one", async () => {
    const seen: string[] = [];
    const hooks = {
      has: () => true,
      before: vi.fn(async (hook: string) => { seen.push(`${hook}@${writeChainDepth()}`); return undefined; }),
      after: vi.fn((hook: string) => { seen.push(`${hook}@${writeChainDepth()}`); }),
    };
    const batch = new HookBatch(hooks as unknown as RecordHooks, user, 3);
    await batch.beforeUpdate('deal', { id: '1' }, { title: 'b' });
    batch.created('deal', 'c1');
    await batch.flush(async (_o, id) => ({ id }));
    await new HookBatch(hooks as unknown as RecordHooks, user).beforeCreate('deal', {});
    expect(seen).toEqual(['beforeUpdate@3', 'afterCreate@3', 'beforeCreate@0']);
    expect(writeChainDepth()).toBe(0);
  });

  it('passes beforeUpdate the merged record, the old one and the changes', async () => {
    const hooks = fakeHooks(['deal.beforeUpdate']);
    await new HookBatch(hooks as unknown as RecordHooks, user).beforeUpdate('deal', { id: '1', title: 'a' }, { title: 'b' });
    expect(hooks.before).toHaveBeenCalledWith('beforeUpdate', user, 'deal', { record: { id: '1', title: 'b' }, before: { id: '1', title: 'a' }, changes: { title: 'b' } });
  });

  it('queues after events and fires them only on flush, reading records back', async () => {
    const hooks = fakeHooks(['deal.afterCreate', 'deal.afterUpdate', 'deal.afterDelete', 'deal.stageChanged']);
    const batch = new HookBatch(hooks as unknown as RecordHooks, user);
    batch.created('deal', 'c1');
    batch.updated(deal, 'u1', { id: 'u1', stage: 'new' }, { stage: { from: 'new', to: 'won' } });
    batch.deleted('deal', { id: 'd1', title: 'gone' });
    expect(hooks.after).not.toHaveBeenCalled();
    expect(batch.size).toBe(3);
    await batch.flush(async (_o, id) => ({ id, title: `read ${id}` }));
    expect(hooks.after.mock.calls.map((c) => [c[0], (c[3] as { record: { id: string } }).record.id])).toEqual([
      ['afterCreate', 'c1'], ['afterUpdate', 'u1'], ['stageChanged', 'u1'], ['afterDelete', 'd1'],
    ]);
    expect(hooks.after.mock.calls[1]![3]).toMatchObject({ record: { title: 'read u1' }, changes: { stage: 'won' }, before: { stage: 'new' } });
    expect(hooks.after.mock.calls[2]![3]).toMatchObject({ field: 'stage', from: 'new', to: 'won' });
    expect(batch.size).toBe(0);
  });

  it('queues nothing for unchanged updates or objects without after hooks', () => {
    const batch = new HookBatch(fakeHooks(['deal.afterUpdate']) as unknown as RecordHooks, user);
    batch.updated(deal, 'u1', { id: 'u1' }, {});
    batch.created('deal', 'c1');
    expect(batch.size).toBe(0);
  });

  it('falls back to the id when a record cannot be read back', async () => {
    const hooks = fakeHooks(['deal.afterCreate']);
    const batch = new HookBatch(hooks as unknown as RecordHooks, user);
    batch.created('deal', 'c1');
    await batch.flush(async () => { throw new Error('gone'); });
    expect(hooks.after).toHaveBeenCalledWith('afterCreate', user, 'deal', { record: { id: 'c1' } });
  });

  it('without a hook runner (no plugins module) does nothing', async () => {
    const batch = new HookBatch(undefined, user);
    expect(await batch.beforeCreate('deal', {})).toBeUndefined();
    batch.created('deal', 'x');
    await batch.flush(async () => null);
    expect(batch.size).toBe(0);
  });
});
