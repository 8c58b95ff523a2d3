import type { PluginListQuery, PluginRecord, PluginRecords, PluginRecordsTx } from '@loom/plugin-sdk';
import type { CurrentUser } from '../auth/current-user.js';
import { ProblemError } from '../common/problem.js';
import type { Db, Tx } from '../database/db.js';
import type { RecordReader } from '../records/record-reader.service.js';
import type { RecordsService } from '../records/records.service.js';
import { valuesOf } from './hook-events.js';
import { objectNotDeclared } from './plugin-problem.js';
import type { PluginRecordWrites } from './plugin-record-writes.service.js';
import type { RecordHooks } from './record-hooks.service.js';

export interface PluginRecordsDeps {
  db: Db;
  records: RecordsService;
  reader: RecordReader;
  writes: PluginRecordWrites;
  hooks: RecordHooks;
}

const listQuery = (q: PluginListQuery = {}): Record<string, unknown> => ({
  ...(q.filter ? { filter: JSON.stringify(q.filter) } : {}), ...(q.sort ? { sort: q.sort } : {}), limit: String(q.limit ?? 50),
});

const nullIfNotFound = (e: unknown) => {
  if (e instanceof ProblemError && e.status === 404) return null;
  throw e;
};

/**
 * The records a plugin's code sees, acting for `actor`: only the objects its plugin.json declares
 * (any other → 403 `plugin_object_not_declared`), through the records API's permission checks,
 * validation, hooks and the one write path. Writes in `transaction` share ONE database transaction;
 * their `after*` hooks run after it commits.
 */
export function pluginRecords(plugin: string, declared: ReadonlySet<string>, actor: CurrentUser, deps: PluginRecordsDeps): PluginRecords {
  const check = (object: string) => {
    if (!declared.has(object)) throw objectNotDeclared(plugin, object);
  };
  const inTx = (tx: Tx, after: (() => void)[]): PluginRecordsTx => ({
    get: async (object, id) => { check(object); return deps.writes.get(tx, actor, object, id) as Promise<PluginRecord | null>; },
    list: async (object, q) => { check(object); return deps.writes.list(tx, actor, object, listQuery(q)) as Promise<PluginRecord[]>; },
    create: async (object, values) => {
      check(object);
      const id = await deps.writes.create(tx, actor, object, values);
      const record = (await deps.writes.get(tx, actor, object, id)) ?? { id };
      after.push(() => deps.hooks.after('afterCreate', actor, object, { record }));
      return record as PluginRecord;
    },
    update: async (object, id, values) => {
      check(object);
      const changes = await deps.writes.update(tx, actor, object, id, values);
      const record = (await deps.writes.get(tx, actor, object, id)) ?? { id };
      if (Object.keys(changes).length) after.push(() => deps.hooks.after('afterUpdate', actor, object, { record, changes: valuesOf(changes as never) }));
      return record as PluginRecord;
    },
    delete: async (object, id) => {
      check(object);
      await deps.writes.remove(tx, actor, object, id);
      after.push(() => deps.hooks.after('afterDelete', actor, object, { record: { id } }));
    },
    adjust: async (object, id, delta, options = {}) => {
      check(object);
      if (!(await deps.writes.adjust(tx, actor, object, id, delta, options))) return null;
      const record = (await deps.writes.get(tx, actor, object, id)) ?? { id };
      after.push(() => deps.hooks.after('afterUpdate', actor, object, { record, changes: { ...delta, ...options.set } }));
      return record as PluginRecord;
    },
  });
  const transaction = async <T>(fn: (t: PluginRecordsTx) => Promise<T>): Promise<T> => {
    const after: (() => void)[] = [];
    await deps.writes.warm(actor);
    const result = await deps.db.tx((tx) => fn(inTx(tx, after)));
    for (const run of after) run();
    return result;
  };
  return {
    get: async (object, id) => { check(object); return deps.records.get(actor, object, id).catch(nullIfNotFound) as Promise<PluginRecord | null>; },
    list: async (object, q) => { check(object); return (await deps.reader.list(actor, object, listQuery(q))).data as PluginRecord[]; },
    create: async (object, values) => { check(object); return (await deps.records.create(actor, object, values)).record as PluginRecord; },
    update: async (object, id, values) => { check(object); return deps.records.update(actor, object, id, values) as Promise<PluginRecord>; },
    delete: async (object, id) => { check(object); await deps.records.remove(actor, object, id); },
    adjust: (object, id, delta, options) => transaction((t) => t.adjust(object, id, delta, options)),
    transaction,
  };
}
