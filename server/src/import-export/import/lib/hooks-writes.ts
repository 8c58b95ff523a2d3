import type { RecordHooks } from '../../../plugins/record-hooks.service.js';

const HOOKS = {
  create: ['beforeCreate', 'afterCreate'],
  update: ['beforeUpdate', 'afterUpdate', 'stageChanged'],
} as const;

/**
 * Whether an enabled plugin hooks a write among `actions` on `object`: then the batch is written row
 * by row (no multi-row insert) so each row's `before*` hooks run and its `after*` are queued.
 */
export function hooksWrites(hooks: Pick<RecordHooks, 'has'> | undefined, object: string, actions: Iterable<'create' | 'update'>): boolean {
  if (!hooks) return false;
  for (const action of new Set(actions)) if (HOOKS[action].some((h) => hooks.has(object, h))) return true;
  return false;
}
