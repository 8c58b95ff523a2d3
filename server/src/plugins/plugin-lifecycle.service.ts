import { Injectable, Logger } from '@nestjs/common';
import semver from 'semver';
import type { PluginContext, PluginDefinition } from '@loom/plugin-sdk';
import type { PluginManifest } from '@loom/metadata';
import type { CurrentUser } from '../auth/current-user.js';
import { conflict, invalid, notFound, ProblemError } from '../common/problem.js';
import { MetadataLayers, type Layer } from '../metadata/metadata-layers.js';
import { MetadataPublisher, type PublishResult } from '../metadata/metadata-publisher.service.js';
import { isPluginProblem, fromPluginProblem } from './plugin-problem.js';
import { PluginRuntime } from './plugin-runtime.service.js';
import { PluginStore, type PluginRow, type PluginState } from './plugin-store.js';
import { RecordHooks } from './record-hooks.service.js';
import { resolvePluginOrder } from './resolve-plugin-order.js';

const INSTALLED: PluginState[] = ['installed', 'enabled', 'disabled', 'failed'];
type LifecycleHook = 'install' | 'upgrade' | 'enable' | 'disable' | 'uninstall';

/**
 * install / enable / disable / upgrade / uninstall (DESIGN.md §6). Metadata changes are a publish
 * (plan → apply in one transaction) with the plugin's layer added, replaced or removed; the layers
 * go back as they were when the publish fails. One operation at a time on this node.
 */
@Injectable()
export class PluginLifecycle {
  private readonly logger = new Logger('plugins');

  constructor(
    private readonly runtime: PluginRuntime, private readonly store: PluginStore, private readonly layers: MetadataLayers,
    private readonly publisher: MetadataPublisher, private readonly hooks: RecordHooks,
  ) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    return this.runtime.exclusive(async () => {
      this.runtime.scan();
      await this.runtime.sync();
      return fn();
    });
  }

  install(name: string, user: CurrentUser, config: Record<string, unknown> = {}) {
    return this.serial(async () => {
      const manifest = this.manifestOrThrow(name);
      const row = this.runtime.row(name);
      if (row && INSTALLED.includes(row.state)) throw conflict(`Plugin ${name} is already installed (${row.state})`, { plugin: name });
      this.assertRunnable(manifest, INSTALLED);
      const layer = this.runtime.folder(name)!.metadata!;
      const result = await this.publishWith(user, `install plugin ${name} ${manifest.version}`, (rows) => [...rows, this.newRow(manifest, 'installed', layer, config)]);
      await this.store.save({ ...this.newRow(manifest, 'installed', layer, config), installed: true });
      await this.runtime.sync();
      await this.runHook(name, 'install', (d, ctx) => d.install?.(ctx));
      return this.answer(name, result);
    });
  }

  enable(name: string) {
    return this.serial(async () => {
      const manifest = this.manifestOrThrow(name);
      const row = this.installedOrThrow(name);
      if (row.state === 'enabled') return this.answer(name, null);
      if (row.version !== manifest.version) throw conflict(`Plugin ${name} ${manifest.version} on disk differs from the installed ${row.version}: upgrade it first`, { plugin: name });
      this.assertRunnable(manifest, ['enabled']);
      try {
        await this.runtime.definition(name);
      } catch (e) {
        const error = `server code failed to load: ${e instanceof Error ? e.message : String(e)}`;
        await this.store.save({ ...row, state: 'failed', error });
        await this.runtime.sync();
        throw new ProblemError('validation', `Plugin ${name} cannot be enabled: ${error}`, { plugin: name, code: 'plugin_load_failed' });
      }
      await this.runHook(name, 'enable', (d, ctx) => d.enable?.(ctx));
      await this.store.save({ ...row, state: 'enabled', error: null });
      await this.runtime.sync();
      return this.answer(name, null);
    });
  }

  disable(name: string) {
    return this.serial(async () => {
      const row = this.installedOrThrow(name);
      const dependents = this.dependents(name, ['enabled']);
      if (dependents.length) throw conflict(`Plugin ${name} is needed by enabled plugin(s) ${dependents.join(', ')}: disable them first`, { plugin: name, dependents });
      if (row.state === 'enabled') await this.runHook(name, 'disable', (d, ctx) => d.disable?.(ctx)).catch((e: unknown) => this.logger.warn({ msg: 'disable hook failed', plugin: name, err: String(e) }));
      await this.store.save({ ...row, state: 'disabled', error: null });
      await this.runtime.sync();
      return this.answer(name, null);
    });
  }

  upgrade(name: string, user: CurrentUser) {
    return this.serial(async () => {
      const manifest = this.manifestOrThrow(name);
      const row = this.installedOrThrow(name);
      if (!semver.gt(manifest.version, row.version)) throw conflict(`Plugin ${name} is at ${row.version}; the folder holds ${manifest.version}: nothing to upgrade`, { plugin: name });
      this.assertRunnable(manifest, INSTALLED);
      const layer = this.runtime.folder(name)!.metadata!;
      const result = await this.publishWith(user, `upgrade plugin ${name} ${row.version} → ${manifest.version}`, (rows) => rows.map((r) => (r.name === name ? { ...r, layer } : r)));
      // new code gets a new chance: a failed plugin comes back enabled
      await this.store.save({ ...row, version: manifest.version, layer, state: row.state === 'failed' ? 'enabled' : row.state, error: null });
      await this.runtime.sync();
      await this.runHook(name, 'upgrade', (d, ctx) => d.upgrade?.(ctx, row.version));
      return { ...this.answer(name, result), from: row.version };
    });
  }

  uninstall(name: string, user: CurrentUser, opts: { dryRun: boolean; purge: boolean }) {
    return this.serial(async () => {
      const row = this.installedOrThrow(name);
      const dependents = this.dependents(name, INSTALLED);
      if (dependents.length) throw conflict(`Plugin ${name} is needed by installed plugin(s) ${dependents.join(', ')}: uninstall them first`, { plugin: name, dependents });
      const without = (rows: PluginRow[]) => rows.filter((r) => r.name !== name);
      if (opts.dryRun) {
        const plan = await this.publishWith(user, `uninstall plugin ${name}`, without, { dryRun: true, purge: true });
        return { name, state: row.state, dryRun: true, plan: plan.plan, drops: plan.plan.changes.filter((c) => c.class === 'destructive').map((c) => ({ path: c.path, description: c.description })) };
      }
      if (this.runtime.folder(name)) await this.runHook(name, 'uninstall', (d, ctx) => d.uninstall?.(ctx)).catch((e: unknown) => this.logger.warn({ msg: 'uninstall hook failed', plugin: name, err: String(e) }));
      const result = await this.publishWith(user, `uninstall plugin ${name}${opts.purge ? ' (purge)' : ''}`, without, { purge: opts.purge });
      await this.store.save({ ...row, state: 'available', error: null, layer: null });
      await this.runtime.sync();
      return { ...this.answer(name, result), purged: opts.purge };
    });
  }

  async setConfig(name: string, config: Record<string, unknown>) {
    return this.serial(async () => {
      this.installedOrThrow(name);
      await this.store.setConfig(name, config);
      await this.runtime.sync();
      return this.answer(name, null);
    });
  }

  /** Publishes with the plugin layers `change` makes of the installed rows; restores the layers when it fails or is a dry run. */
  private async publishWith(user: CurrentUser, message: string, change: (rows: PluginRow[]) => PluginRow[], opts: { dryRun?: boolean; purge?: boolean } = {}): Promise<PublishResult> {
    const previous: Layer[] = this.layers.below().filter((l) => l.source.startsWith('plugin:'));
    this.layers.setPluginLayers(this.runtime.layersOf(change(this.runtime.allRows())));
    try {
      const result = await this.publisher.publish({ change: (admin) => admin, author: user.id, message, dryRun: opts.dryRun, purge: opts.purge });
      if (opts.dryRun) this.layers.setPluginLayers(previous);
      return result;
    } catch (e) {
      this.layers.setPluginLayers(previous);
      throw e;
    }
  }

  private async runHook(name: string, hook: LifecycleHook, fn: (d: PluginDefinition, ctx: PluginContext) => unknown): Promise<void> {
    const { definition, plugin } = await this.runtime.contextFor(name);
    if (typeof definition[hook] !== 'function') return;
    try {
      await this.hooks.call(plugin, hook, () => fn(definition, plugin.context()));
    } catch (e) {
      if (isPluginProblem(e)) throw fromPluginProblem(name, e);
      throw new ProblemError('unavailable', `Plugin ${name}: the ${hook} hook failed: ${e instanceof Error ? e.message : String(e)}`, { plugin: name });
    }
  }

  /** Engine range and dependencies (present in one of `states`, version in range); 422 naming what is wrong. */
  private assertRunnable(manifest: PluginManifest, states: PluginState[]): void {
    const others = this.runtime.allRows().filter((r) => r.name !== manifest.name && states.includes(r.state));
    const nodes = [...others.map((r) => ({ name: r.name, version: r.version, engine: '*' })), manifest];
    const reason = resolvePluginOrder(nodes, this.runtime.engineVersion).refused.get(manifest.name);
    if (!reason) return;
    const engine = reason.startsWith('engine');
    const action = states.length === 1 ? 'enabled (its dependencies must be enabled first)' : 'installed';
    throw new ProblemError('validation', `Plugin ${manifest.name} cannot be ${action}: ${reason}`, {
      plugin: manifest.name, code: engine ? 'plugin_engine_incompatible' : 'plugin_dependency', errors: [{ path: engine ? '/engine' : '/dependsOn', message: reason }],
    });
  }

  private dependents(name: string, states: PluginState[]): string[] {
    return this.runtime.allRows().filter((r) => states.includes(r.state) && this.runtime.folder(r.name)?.manifest?.dependsOn?.[name]).map((r) => r.name);
  }

  private manifestOrThrow(name: string): PluginManifest {
    const folder = this.runtime.folder(name);
    if (!folder?.manifest) throw notFound(`No plugin ${name} in the plugin folders`);
    if (folder.errors.length) throw invalid(folder.errors.map((e) => ({ path: `/${e.path}`, message: e.message })), `Plugin ${name} is not valid`);
    return folder.manifest;
  }

  private installedOrThrow(name: string): PluginRow {
    const row = this.runtime.row(name);
    if (!row || !INSTALLED.includes(row.state)) throw conflict(`Plugin ${name} is not installed`, { plugin: name });
    return row;
  }

  private newRow(m: PluginManifest, state: PluginState, layer: PluginRow['layer'], config: Record<string, unknown>): PluginRow {
    return { name: m.name, version: m.version, state, error: null, installedAt: null, config, layer };
  }

  private answer(name: string, result: PublishResult | null) {
    const view = this.runtime.list().find((p) => p.name === name)!;
    return { ...view, ...(result ? { plan: result.plan, revision: result.revision } : { plan: { changes: [] } }) };
  }
}
