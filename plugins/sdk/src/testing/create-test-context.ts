import { randomUUID } from 'node:crypto';
import { PluginProblem, type PluginContext, type PluginRecord, type PluginRecords, type PluginUser } from '../define-plugin.js';
import { matchFilter } from './match-filter.js';

export interface TestContextOptions {
  plugin?: { name: string; version: string };
  /** The objects the plugin declares; others are refused like on the server. */
  objects: string[];
  config?: Record<string, unknown>;
  users?: PluginUser[];
  user?: { id: string; roles: string[] };
}

/** What a test can look at after running a hook, route or job against the context. */
export interface TestContext {
  ctx: PluginContext;
  /** Records by object, then id. */
  store: Map<string, Map<string, PluginRecord>>;
  notifications: { userId: string; message: string; about?: { object: string; recordId: string } }[];
  jobs: { name: string; data: unknown }[];
  logs: { level: string; msg: string; data?: object }[];
}

/**
 * An in-memory PluginContext for a plugin's own specs (no server, no database): records of the declared
 * objects with the server's refusal of undeclared ones, users, notifications, queued jobs and logs.
 * @example
 * const t = createTestContext({ objects: ['complaint'] });
 * await plugin.hooks!.complaint.beforeCreate!(t.ctx, { object: 'complaint', record: { id: '' }, user: t.ctx.user });
 */
export function createTestContext(opts: TestContextOptions): TestContext {
  const store = new Map<string, Map<string, PluginRecord>>();
  const declared = new Set(opts.objects);
  const table = (object: string) => {
    if (!declared.has(object)) throw new PluginProblem({ status: 403, code: 'plugin_object_not_declared', detail: `The plugin did not declare object ${object}` });
    if (!store.has(object)) store.set(object, new Map());
    return store.get(object)!;
  };
  const records: PluginRecords = {
    async get(object, id) { return structuredClone(table(object).get(id) ?? null); },
    async list(object, q = {}) {
      const rows = [...table(object).values()].filter((r) => matchFilter(r, q.filter));
      const sort = q.sort?.split(',').filter(Boolean) ?? [];
      rows.sort((a, b) => {
        for (const s of sort) {
          const [f, dir] = s.startsWith('-') ? [s.slice(1), -1] : [s, 1];
          const x = a[f] as string | number, y = b[f] as string | number;
          if (x !== y) return (x > y ? 1 : -1) * dir;
        }
        return 0;
      });
      return structuredClone(rows.slice(0, q.limit ?? 50));
    },
    async create(object, values) {
      const now = new Date().toISOString();
      const row: PluginRecord = { ...structuredClone(values), id: randomUUID(), version: 1, created_at: now, updated_at: now };
      table(object).set(row.id, row);
      return structuredClone(row);
    },
    async update(object, id, values) {
      const row = table(object).get(id);
      if (!row) throw new PluginProblem({ status: 404, detail: `No ${object} ${id}` });
      Object.assign(row, structuredClone(values), { version: Number(row.version ?? 1) + 1, updated_at: new Date().toISOString() });
      return structuredClone(row);
    },
    async delete(object, id) { table(object).delete(id); },
    async adjust(object, id, delta, options = {}) {
      const row = table(object).get(id);
      if (!row || !matchFilter(row, options.where)) return null;
      for (const [f, d] of Object.entries(delta)) row[f] = Number(row[f] ?? 0) + d;
      Object.assign(row, structuredClone(options.set ?? {}));
      return structuredClone(row);
    },
    async transaction(fn) {
      const snapshot = new Map([...store].map(([k, v]) => [k, structuredClone(v)]));
      try {
        return await fn(records);
      } catch (e) {
        store.clear();
        for (const [k, v] of snapshot) store.set(k, v);
        throw e;
      }
    },
  };
  const users = opts.users ?? [];
  const out: TestContext = { ctx: undefined as never, store, notifications: [], jobs: [], logs: [] };
  const log = (level: string) => (msg: string, data?: object) => void out.logs.push({ level, msg, data });
  out.ctx = {
    plugin: opts.plugin ?? { name: 'test', version: '0.0.0' },
    records,
    system: { records },
    user: opts.user ?? { id: '00000000-0000-0000-0000-000000000001', roles: ['admin'] },
    users: {
      get: async (id) => users.find((u) => u.id === id) ?? null,
      withRole: async (role) => users.filter((u) => u.roles.includes(role)),
    },
    notify: async (userId, message, about) => void out.notifications.push({ userId, message, about }),
    config: Object.freeze({ ...(opts.config ?? {}) }),
    jobs: { enqueue: async (name, data) => void out.jobs.push({ name, data }) },
    logger: { info: log('info'), warn: log('warn'), error: log('error') },
  };
  return out;
}
