import type { Problem } from '@loom/metadata';

/** A record as the records API returns it. */
export type PluginRecord = { id: string; [field: string]: unknown };

/** What a plugin's server code may touch: records of its declared objects, config, jobs and a logger — nothing else. */
export interface PluginContext {
  readonly plugin: { name: string; version: string };
  readonly records: {
    get(object: string, id: string): Promise<PluginRecord | null>;
    list(object: string, query?: { filter?: Record<string, unknown>; sort?: string; limit?: number }): Promise<PluginRecord[]>;
    create(object: string, values: Record<string, unknown>): Promise<PluginRecord>;
    update(object: string, id: string, values: Record<string, unknown>): Promise<PluginRecord>;
  };
  readonly config: Readonly<Record<string, unknown>>;
  readonly jobs: { enqueue(name: string, data: unknown, options?: { delayMs?: number }): Promise<void> };
  readonly logger: { info(msg: string, data?: object): void; warn(msg: string, data?: object): void; error(msg: string, data?: object): void };
}

export interface HookEvent {
  object: string;
  record: PluginRecord;
  /** For updates: the values before the change. */
  before?: PluginRecord;
  changes?: Record<string, unknown>;
  user: { id: string; roles: string[] };
}

/** `before*` hooks may return new values (never mutate) or throw a problem to reject; `after*` hooks are fire-and-forget. */
export interface PluginHooks {
  beforeCreate?(ctx: PluginContext, e: HookEvent): Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
  afterCreate?(ctx: PluginContext, e: HookEvent): Promise<void> | void;
  beforeUpdate?(ctx: PluginContext, e: HookEvent): Promise<Record<string, unknown> | void> | Record<string, unknown> | void;
  afterUpdate?(ctx: PluginContext, e: HookEvent): Promise<void> | void;
  beforeDelete?(ctx: PluginContext, e: HookEvent): Promise<void> | void;
  afterDelete?(ctx: PluginContext, e: HookEvent): Promise<void> | void;
  stageChanged?(ctx: PluginContext, e: HookEvent & { from: string | null; to: string }): Promise<void> | void;
  approvalDecided?(ctx: PluginContext, e: HookEvent & { process: string; decision: 'approved' | 'rejected' }): Promise<void> | void;
}

export interface PluginRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Mounted under `/api/plugins/<name>`. */
  path: string;
  /** `apiKey` routes accept an API key only (public intake forms). */
  auth?: 'user' | 'apiKey';
  handler(ctx: PluginContext, request: { params: Record<string, string>; query: Record<string, string>; body: unknown; user: { id: string } }): Promise<unknown>;
}

export interface PluginDefinition {
  install?(ctx: PluginContext): Promise<void> | void;
  upgrade?(ctx: PluginContext, from: string): Promise<void> | void;
  enable?(ctx: PluginContext): Promise<void> | void;
  disable?(ctx: PluginContext): Promise<void> | void;
  uninstall?(ctx: PluginContext): Promise<void> | void;
  /** Hooks per object name. */
  hooks?: Record<string, PluginHooks>;
  routes?: PluginRoute[];
  jobs?: Record<string, (ctx: PluginContext, data: unknown) => Promise<void>>;
  /** Cron (5 fields, UTC) → job name. */
  schedules?: Record<string, string>;
}

/**
 * Declares a plugin's server side. Returns the definition unchanged, typed and frozen.
 * @example
 * export default definePlugin({
 *   hooks: { complaint: { beforeCreate: (ctx, e) => ({ status: 'received' }) } },
 * });
 */
export function definePlugin<T extends PluginDefinition>(definition: T): Readonly<T> {
  for (const [object, hooks] of Object.entries(definition.hooks ?? {})) {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(object)) throw new TypeError(`hooks: "${object}" is not an object name`);
    for (const [name, fn] of Object.entries(hooks)) {
      if (typeof fn !== 'function') throw new TypeError(`hooks.${object}.${name} must be a function`);
    }
  }
  for (const r of definition.routes ?? []) {
    if (!r.path.startsWith('/')) throw new TypeError(`route path "${r.path}" must start with /`);
  }
  return Object.freeze(definition);
}

/** Throw from a `before*` hook to reject the write with this problem. */
export class PluginProblem extends Error {
  constructor(readonly problem: Pick<Problem, 'status' | 'detail' | 'errors'>) {
    super(problem.detail ?? 'Rejected by plugin');
  }
}
