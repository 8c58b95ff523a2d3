import type { ObjectDef } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { inWriteChain } from '../records/lib/write-chain.js';
import { stageChanges, valuesOf } from './hook-events.js';
import type { RecordHooks } from './record-hooks.service.js';

type Changes = Record<string, { from: unknown; to: unknown }>;
type Queued =
  | { hook: 'afterCreate' | 'afterDelete'; object: string; id: string; record?: Record<string, unknown> }
  | { hook: 'afterUpdate'; obj: ObjectDef; object: string; id: string; before: Record<string, unknown>; changes: Changes };

/** Reads a record back after commit as the API shows it to the writer; null when it cannot. */
export type ReadBack = (object: string, id: string) => Promise<Record<string, unknown> | null>;

/**
 * The hooks of a write that touches many rows in one transaction (bulk, merge): `before*` hooks run
 * per row as the write reaches it (through the one runner, so a plugin's problem rejects the row and
 * a crash fails closed), `after*` events are queued and fired by `flush()` once the transaction
 * committed — never for a rolled-back or dry-run write. Without a hook for an object nothing is read.
 * `depth`: the automation chain depth of the write (0 for people's writes); records the hooks write
 * carry it, so a plugin that writes back cannot take automations past their loop guard.
 */
export class HookBatch {
  private readonly queued: Queued[] = [];

  constructor(private readonly hooks: RecordHooks | undefined, private readonly user: CurrentUser, private readonly depth = 0) {}

  /** New values for a create (re-validate when a patch comes back). */
  beforeCreate(object: string, values: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    if (!this.hooks?.has(object, 'beforeCreate')) return Promise.resolve(undefined);
    return inWriteChain(this.depth, () => this.hooks!.before('beforeCreate', this.user, object, { record: values }));
  }

  beforeUpdate(object: string, before: Record<string, unknown>, body: Record<string, unknown>): Promise<Record<string, unknown> | undefined> {
    if (!this.hooks?.has(object, 'beforeUpdate')) return Promise.resolve(undefined);
    return inWriteChain(this.depth, () => this.hooks!.before('beforeUpdate', this.user, object, { record: { ...before, ...body }, before, changes: body }));
  }

  /** True when a delete's hooks need the record (so the caller reads it only then). */
  watchesDelete(object: string): boolean {
    return !!(this.hooks?.has(object, 'beforeDelete') || this.hooks?.has(object, 'afterDelete'));
  }

  async beforeDelete(object: string, record: Record<string, unknown>): Promise<void> {
    if (this.hooks?.has(object, 'beforeDelete')) await inWriteChain(this.depth, () => this.hooks!.before('beforeDelete', this.user, object, { record }));
  }

  created(object: string, id: string): void {
    if (this.hooks?.has(object, 'afterCreate')) this.queued.push({ hook: 'afterCreate', object, id });
  }

  updated(obj: ObjectDef, id: string, before: Record<string, unknown>, changes: Changes): void {
    if (!Object.keys(changes).length) return;
    if (this.hooks?.has(obj.name, 'afterUpdate') || this.hooks?.has(obj.name, 'stageChanged')) this.queued.push({ hook: 'afterUpdate', obj, object: obj.name, id, before, changes });
  }

  /** `record`: the row as it was (a deleted record cannot be read back). */
  deleted(object: string, record: Record<string, unknown>): void {
    if (this.hooks?.has(object, 'afterDelete')) this.queued.push({ hook: 'afterDelete', object, id: String(record.id), record });
  }

  get size(): number {
    return this.queued.length;
  }

  /** After commit: reads each written record back and fires its `after*` (and `stageChanged`) hooks. */
  async flush(read: ReadBack): Promise<void> {
    const hooks = this.hooks;
    const events = this.queued.splice(0);
    if (!hooks) return;
    await inWriteChain(this.depth, () => this.fire(hooks, events, read));
  }

  private async fire(hooks: RecordHooks, events: Queued[], read: ReadBack): Promise<void> {
    for (const e of events) {
      const record = e.hook === 'afterDelete' ? e.record! : (await read(e.object, e.id).catch(() => null)) ?? { id: e.id };
      if (e.hook !== 'afterUpdate') {
        hooks.after(e.hook, this.user, e.object, { record });
        continue;
      }
      hooks.after('afterUpdate', this.user, e.object, { record, before: e.before, changes: valuesOf(e.changes) });
      for (const move of stageChanges(e.obj, e.changes)) hooks.after('stageChanged', this.user, e.object, { record, ...move });
    }
  }
}
