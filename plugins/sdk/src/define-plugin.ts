import type { Problem } from '@loom/metadata';

/** A record as the records API returns it. */
export type PluginRecord = { id: string; [field: string]: unknown };

/** A list query: a condition (DESIGN.md §2), sort like `-created_at,name`, up to 500 rows. */
export interface PluginListQuery { filter?: Record<string, unknown>; sort?: string; limit?: number }

/**
 * Records of the objects the plugin's `plugin.json` declares under `permissions.objects` (any other
 * object → a `plugin_object_not_declared` problem), read and written through the same permission
 * checks, validation, history and hooks as the records API, as the acting user.
 */
export interface PluginRecords {
  get(object: string, id: string): Promise<PluginRecord | null>;
  list(object: string, query?: PluginListQuery): Promise<PluginRecord[]>;
  create(object: string, values: Record<string, unknown>): Promise<PluginRecord>;
  update(object: string, id: string, values: Record<string, unknown>): Promise<PluginRecord>;
  delete(object: string, id: string): Promise<void>;
  /**
   * Adds `delta` to numeric fields of one record atomically: the row is locked by a statement that
   * also checks `where` (e.g. `{ balance: { $gte: 100 } }`); null when the record does not satisfy it.
   * @example const acct = await t.adjust('loyalty_account', id, { balance: -100 }, { where: { balance: { $gte: 100 } } });
   */
  adjust(object: string, id: string, delta: Record<string, number>, options?: { where?: Record<string, unknown>; set?: Record<string, unknown> }): Promise<PluginRecord | null>;
  /** Runs `fn` in ONE database transaction: a throw rolls back every write made through `t`. Hooks of writes inside run after commit. */
  transaction<T>(fn: (t: PluginRecordsTx) => Promise<T>): Promise<T>;
}

/** The records API inside a transaction (no nesting). */
export type PluginRecordsTx = Omit<PluginRecords, 'transaction'>;

/** A user as a plugin sees one. */
export interface PluginUser { id: string; name: string; email: string; roles: string[]; managerId: string | null; teamId: string | null }

/** What a plugin's server code may touch: records of its declared objects, config, jobs and a logger — nothing else. */
export interface PluginContext {
  readonly plugin: { name: string; version: string };
  /** As the acting user: the caller of a route or the writer that triggered a hook (the system actor in jobs). */
  readonly records: PluginRecords;
  /** As the plugin's system actor (jobs, bookkeeping the plugin itself authorizes), still limited to the declared objects. */
  readonly system: { readonly records: PluginRecords };
  /** The acting user (the system actor in jobs and lifecycle hooks). */
  readonly user: { id: string; roles: string[] };
  /** Active users, read-only. */
  readonly users: { get(id: string): Promise<PluginUser | null>; withRole(role: string): Promise<PluginUser[]> };
  /** An in-app notification for a user (shown in the web UI's notification list). */
  notify(userId: string, message: string, about?: { object: string; recordId: string }): Promise<void>;
  /** The plugin's defaults (`definePlugin({ config })`) overlaid with the admin's settings. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly jobs: { enqueue(name: string, data: unknown, options?: { delayMs?: number; jobId?: string }): Promise<void> };
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

/** What a route handler receives. Its return value is the JSON response (200, or `status`). */
export interface PluginRequest { params: Record<string, string>; query: Record<string, string>; body: unknown; user: { id: string; roles?: string[] } }

const RESPONSE_BRAND = Symbol.for('loom.pluginResponse');

/** A route's answer with its own status; see respond(). */
export interface PluginResponse { readonly status: number; readonly body: unknown }

/**
 * Answers a route with a status other than 200.
 * @example handler: async (ctx, req) => respond(201, await ctx.records.create('complaint', req.body as never))
 */
export function respond(status: number, body: unknown): PluginResponse {
  return Object.freeze({ status, body, [RESPONSE_BRAND]: true });
}

/** True for a value made by respond() (from any copy of the SDK). */
export function isPluginResponse(value: unknown): value is PluginResponse {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[RESPONSE_BRAND] === true;
}

export interface PluginRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Mounted under `/api/plugins/<name>`. */
  path: string;
  /** `apiKey` routes accept an API key only (public intake forms). */
  auth?: 'user' | 'apiKey';
  handler(ctx: PluginContext, request: PluginRequest): Promise<unknown>;
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
  jobs?: Record<string, (ctx: PluginContext, data: unknown) => Promise<unknown>>;
  /** Cron (5 fields, UTC) → job name. */
  schedules?: Record<string, string>;
  /** Default configuration; the admin's settings (core.plugin.config) are laid over it. */
  config?: Record<string, unknown>;
}

/** Lifecycle actions live at `/api/plugins/<name>/<action>`: a route may not take these paths. */
export const RESERVED_ROUTE_PATHS = ['/install', '/enable', '/disable', '/upgrade', '/uninstall', '/config'];

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
    if (RESERVED_ROUTE_PATHS.includes(r.path) || r.path.startsWith('/jobs/')) throw new TypeError(`route path "${r.path}" is reserved for lifecycle actions and jobs`);
    if (typeof r.handler !== 'function') throw new TypeError(`route ${r.method} ${r.path}: handler must be a function`);
  }
  for (const [name, fn] of Object.entries(definition.jobs ?? {})) {
    if (typeof fn !== 'function') throw new TypeError(`jobs.${name} must be a function`);
  }
  for (const [cron, job] of Object.entries(definition.schedules ?? {})) {
    if (!definition.jobs?.[job]) throw new TypeError(`schedules["${cron}"] names no job "${job}"`);
  }
  return Object.freeze(definition);
}

const PROBLEM_BRAND = Symbol.for('loom.pluginProblem');

/**
 * Throw from a `before*` hook or a route to answer with this problem (422, 409, 404, 403, …).
 * @example throw new PluginProblem({ status: 409, detail: 'Not enough points', errors: [{ path: '/reward', message: 'costs 500' }] });
 */
export class PluginProblem extends Error {
  readonly [PROBLEM_BRAND] = true;

  constructor(readonly problem: Pick<Problem, 'status' | 'detail' | 'errors'> & { code?: string }) {
    super(problem.detail ?? 'Rejected by plugin');
  }

  /** True for a PluginProblem from any copy of the SDK (a packed plugin may bring its own). */
  static is(e: unknown): e is PluginProblem {
    return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[PROBLEM_BRAND] === true;
  }
}
