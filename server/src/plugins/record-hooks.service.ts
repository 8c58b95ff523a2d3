import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { HookEvent, PluginRecord } from '@loom/plugin-sdk';
import type { CurrentUser } from '../auth/current-user.js';
import { ProblemError } from '../common/problem.js';
import type { ActivePlugin, AfterHook, BeforeHook } from './active-plugin.js';
import { fromPluginProblem, isPluginProblem, pluginUnavailable } from './plugin-problem.js';
import { PLUGIN_SETTINGS, type PluginSettings } from './plugin-settings.js';
import { PluginCallFailed, runGuarded } from './run-guarded.js';

const MAX_DEPTH = 5;

export interface RecordHookEvent {
  record: Record<string, unknown>;
  before?: Record<string, unknown>;
  changes?: Record<string, unknown>;
  from?: string | null;
  to?: string;
  process?: string;
  decision?: 'approved' | 'rejected';
}

/**
 * The one hook runner (DESIGN.md §3): the records write path calls `before*` hooks before its
 * transaction and `after*` hooks after commit. Every call has a timeout and an error boundary:
 * a PluginProblem rejects the write with its status; a crash or hang fails `before*` closed (503
 * naming the plugin) and is logged for `after*`. Failures in a row count towards marking a plugin failed.
 */
@Injectable()
export class RecordHooks {
  private readonly logger = new Logger('plugins');
  private plugins: ActivePlugin[] = [];
  private readonly failures = new Map<string, number>();
  private onFailed: (plugin: string, error: string) => void = () => undefined;
  private readonly depth = new AsyncLocalStorage<number>();

  constructor(@Inject(PLUGIN_SETTINGS) private readonly settings: PluginSettings) {}

  /** The enabled plugins, dependencies first, and what to do when one fails too often. */
  use(plugins: ActivePlugin[], onFailed: (plugin: string, error: string) => void): void {
    this.plugins = plugins;
    this.onFailed = onFailed;
    for (const name of [...this.failures.keys()]) if (!plugins.some((p) => p.name === name)) this.failures.delete(name);
  }

  has(object: string, hook: BeforeHook | AfterHook): boolean {
    return this.plugins.some((p) => typeof p.definition.hooks?.[object]?.[hook] === 'function');
  }

  /** `before*`: each plugin in order sees the values as the previous one left them; returns the merged new values, if any. */
  async before(hook: BeforeHook, user: CurrentUser, object: string, e: RecordHookEvent): Promise<Record<string, unknown> | undefined> {
    let patch: Record<string, unknown> | undefined;
    for (const p of this.plugins) {
      const fn = p.definition.hooks?.[object]?.[hook];
      if (typeof fn !== 'function') continue;
      const record = { ...e.record, ...patch } as PluginRecord;
      const event: HookEvent = { object, record, before: e.before as PluginRecord | undefined, changes: e.changes ? { ...e.changes, ...patch } : undefined, user: { id: user.id, roles: user.roles } };
      let result: unknown;
      try {
        result = await this.call(p, hook, () => (fn as (c: unknown, ev: HookEvent) => unknown)(p.context(user), event));
      } catch (err) {
        if (isPluginProblem(err)) throw fromPluginProblem(p.name, err);
        if (err instanceof ProblemError && err.status === 409 && err.body.code === 'plugin_hook_loop') throw err;
        throw pluginUnavailable(p.name, err instanceof Error ? err.message : String(err));
      }
      if (hook !== 'beforeDelete' && result && typeof result === 'object') patch = { ...patch, ...(result as Record<string, unknown>) };
    }
    return patch;
  }

  /** `after*`: fire-and-forget after commit; failures are logged and counted, never sent to the caller. */
  after(hook: AfterHook, user: CurrentUser | undefined, object: string, e: RecordHookEvent): void {
    for (const p of this.plugins) {
      const fn = p.definition.hooks?.[object]?.[hook];
      if (typeof fn !== 'function') continue;
      const event = { ...e, object, record: e.record as PluginRecord, before: e.before as PluginRecord | undefined, user: { id: user?.id ?? '', roles: user?.roles ?? [] } };
      void this.call(p, hook, () => (fn as (c: unknown, ev: unknown) => unknown)(p.context(user), event)).catch((err: unknown) => {
        if (!isPluginProblem(err)) this.logger.warn({ msg: 'plugin hook failed', plugin: p.name, hook, object, err: err instanceof Error ? err.message : String(err) });
      });
    }
  }

  /**
   * Runs plugin code (a hook, a route, a job) under the timeout, counting failures in a row: the
   * `failureLimit`-th marks the plugin failed. Nested hook calls deeper than 5 are refused (a loop).
   */
  async call<T>(p: ActivePlugin, what: string, fn: () => Promise<T> | T): Promise<T> {
    const depth = (this.depth.getStore() ?? 0) + 1;
    if (depth > MAX_DEPTH) throw new ProblemError('conflict', `Plugin ${p.name}: hooks nested deeper than ${MAX_DEPTH} (a write loop?)`, { plugin: p.name, code: 'plugin_hook_loop' });
    try {
      const result = await this.depth.run(depth, () => runGuarded(fn, this.settings.hookTimeoutMs, (e) => isPluginProblem(e) || e instanceof ProblemError));
      this.failures.delete(p.name);
      return result;
    } catch (e) {
      if (e instanceof PluginCallFailed) this.countFailure(p.name, `${what}: ${e.message}`);
      else if (!isPluginProblem(e) && !(e instanceof ProblemError)) this.countFailure(p.name, `${what}: ${String(e)}`);
      throw e;
    }
  }

  private countFailure(plugin: string, error: string): void {
    const n = (this.failures.get(plugin) ?? 0) + 1;
    this.failures.set(plugin, n);
    this.logger.warn({ msg: 'plugin call failed', plugin, failures: n, err: error });
    if (n >= this.settings.failureLimit) {
      this.failures.delete(plugin);
      this.plugins = this.plugins.filter((x) => x.name !== plugin);
      this.onFailed(plugin, `${n} failures in a row; last: ${error}`);
    }
  }
}
