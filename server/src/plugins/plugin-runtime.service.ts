import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PluginDefinition } from '@loom/plugin-sdk';
import type { PluginFolder } from '@loom/plugin-sdk/node';
import { MetadataLayers, type Layer } from '../metadata/metadata-layers.js';
import type { ActivePlugin } from './active-plugin.js';
import { discoverPlugins } from './discover-plugins.js';
import { loadPluginModule } from './load-plugin-module.js';
import { PluginContexts } from './plugin-contexts.service.js';
import { PLUGIN_SETTINGS, type PluginSettings } from './plugin-settings.js';
import { PluginStore, type PluginRow } from './plugin-store.js';
import { RecordHooks } from './record-hooks.service.js';
import { resolvePluginOrder } from './resolve-plugin-order.js';

/**
 * What runs on this node: the plugin folders on disk, core.plugin rows, the metadata layers of
 * installed plugins (dependency order) and the enabled plugins whose code loaded. A plugin that fails
 * to load, lacks a dependency or is out of the engine's range is marked `failed`; the rest run.
 */
@Injectable()
export class PluginRuntime {
  private readonly logger = new Logger('plugins');
  private folders = new Map<string, PluginFolder>();
  private broken: PluginFolder[] = [];
  private rows = new Map<string, PluginRow>();
  private readonly modules = new Map<string, Promise<PluginDefinition>>();
  private active: ActivePlugin[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(PLUGIN_SETTINGS) private readonly settings: PluginSettings, private readonly store: PluginStore, private readonly layers: MetadataLayers,
    private readonly hooks: RecordHooks, private readonly contexts: PluginContexts,
  ) {}

  get engineVersion(): string {
    return this.settings.engineVersion;
  }

  /**
   * Runs `fn` after every earlier exclusive call on this node: lifecycle operations and the periodic
   * sync never interleave, so the metadata layers are never swapped under a publish.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Reads the plugin folders again (new versions, new plugins). */
  scan(): void {
    const found = discoverPlugins(this.settings.dirs);
    this.folders = new Map(found.filter((f) => f.manifest).map((f) => [f.manifest!.name, f]));
    this.broken = found.filter((f) => !f.manifest);
  }

  folder(name: string): PluginFolder | undefined {
    return this.folders.get(name);
  }

  row(name: string): PluginRow | undefined {
    return this.rows.get(name);
  }

  allRows(): PluginRow[] {
    return [...this.rows.values()];
  }

  /** Re-reads core.plugin, sets the metadata layers of installed plugins and (re)activates the enabled ones. */
  async sync(): Promise<void> {
    this.rows = new Map((await this.store.all()).map((r) => [r.name, r]));
    await this.contexts.refreshSystemActor();
    this.layers.setPluginLayers(this.layersOf([...this.rows.values()]));
    await this.activate();
  }

  /** Layers for these rows: installed ones (any state but available), dependencies first. */
  layersOf(rows: PluginRow[]): Layer[] {
    const installed = rows.filter((r) => r.state !== 'available' && r.layer);
    const nodes = installed.map((r) => ({ name: r.name, version: r.version, engine: '*', dependsOn: this.folders.get(r.name)?.manifest?.dependsOn }));
    const { order, refused } = resolvePluginOrder(nodes, this.settings.engineVersion);
    const names = [...order, ...[...refused.keys()].sort()];
    return names.map((n) => ({ source: `plugin:${n}`, set: installed.find((r) => r.name === n)!.layer! }));
  }

  /** The plugin's server code (imported once per version). */
  definition(name: string): Promise<PluginDefinition> {
    const folder = this.folders.get(name);
    if (!folder?.manifest) return Promise.reject(new Error(`plugin ${name} is not found in the plugin folders`));
    const key = this.moduleKey(name, folder.manifest.version);
    if (!this.modules.has(key)) {
      const loading = loadPluginModule(folder.dir, folder.manifest.server);
      loading.catch(() => this.modules.delete(key));
      this.modules.set(key, loading);
    }
    return this.modules.get(key)!;
  }

  /** A context for lifecycle hooks and jobs of a plugin that may not be enabled yet. */
  async contextFor(name: string) {
    const definition = await this.definition(name);
    return { definition, plugin: this.toActive(name, definition) };
  }

  private toActive(name: string, definition: PluginDefinition): ActivePlugin {
    const manifest = this.folders.get(name)!.manifest!;
    const spec = {
      name, version: manifest.version, declared: new Set(manifest.permissions?.objects ?? []),
      config: Object.freeze({ ...definition.config, ...this.rows.get(name)?.config }),
    };
    return { name, version: manifest.version, definition, context: (actor) => this.contexts.build(spec, actor) };
  }

  private async activate(): Promise<void> {
    const enabled = [...this.rows.values()].filter((r) => r.state === 'enabled');
    // a newer folder on disk before its upgrade: keep running the code already imported for the installed version
    const runnable = enabled.filter((r) => this.folders.get(r.name)?.manifest?.version === r.version || this.modules.has(this.moduleKey(r.name, r.version)));
    for (const r of enabled.filter((x) => !runnable.includes(x))) {
      await this.fail(r.name, this.folders.has(r.name) ? `version ${this.folders.get(r.name)!.manifest!.version} on disk differs from the installed ${r.version}: upgrade it` : 'not found in the plugin folders');
    }
    const nodes = runnable.map((r) => ({ ...this.folders.get(r.name)!.manifest!, version: r.version }));
    const { order, refused } = resolvePluginOrder(nodes, this.settings.engineVersion);
    for (const [name, reason] of refused) await this.fail(name, reason);
    const active: ActivePlugin[] = [];
    for (const name of order) {
      try {
        const version = this.rows.get(name)!.version;
        const loaded = this.modules.get(this.moduleKey(name, version)) ?? this.definition(name);
        active.push(this.toActive(name, await loaded));
      } catch (e) {
        await this.fail(name, `server code failed to load: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.active = active;
    this.hooks.use(active, (name, error) => void this.fail(name, error).then(() => this.activate()).catch((e: unknown) => this.logger.error({ msg: 'marking a plugin failed did not work', plugin: name, err: String(e) })));
  }

  private moduleKey(name: string, version: string): string {
    return `${this.folders.get(name)?.dir ?? name}@${version}`;
  }

  private async fail(name: string, error: string): Promise<void> {
    this.logger.error({ msg: 'plugin failed', plugin: name, err: error });
    await this.store.markFailed(name, error);
    const row = this.rows.get(name);
    if (row && row.state === 'enabled') this.rows.set(name, { ...row, state: 'failed', error });
  }

  enabled(name: string): ActivePlugin | undefined {
    return this.active.find((p) => p.name === name);
  }

  enabledPlugins(): ActivePlugin[] {
    return this.active;
  }

  /**
   * `GET /api/plugins`: every plugin on disk or installed, with its state and error. `defines`: the
   * objects its installed metadata layer adds (not the base CRM's it extends) — the web hides them from
   * navigation and search while the plugin is not enabled; their data stays, reachable by the API.
   */
  list() {
    const names = new Set([...this.folders.keys(), ...this.rows.keys()]);
    const base = this.layers.baseSet().objects;
    const out = [...names].sort().map((name) => {
      const m = this.folders.get(name)?.manifest;
      const r = this.rows.get(name);
      return {
        name, version: r?.state !== 'available' && r ? r.version : m?.version, availableVersion: m?.version ?? null,
        state: r?.state ?? 'available', ...(r?.error ? { error: r.error } : {}), dependsOn: m?.dependsOn ?? {},
        label: m?.label ?? name, installedAt: r?.installedAt ?? null, objects: m?.permissions?.objects ?? [],
        defines: Object.keys(r?.layer?.objects ?? {}).filter((o) => !base[o]).sort(),
      };
    });
    for (const b of this.broken) {
      out.push({ name: b.dir.split(/[\\/]/).pop()!, version: undefined, availableVersion: null, state: 'failed', error: b.errors.map((e) => `${e.path}: ${e.message}`).join('; '), dependsOn: {}, label: b.dir, installedAt: null, objects: [], defines: [] });
    }
    return out;
  }

  /** For /api/health: installed plugins and broken folders, failed ones with their error. */
  health(): { name: string; state: string; error?: string }[] {
    return this.list().filter((p) => p.state !== 'available').map((p) => ({ name: p.name, state: p.state, ...(p.error ? { error: p.error } : {}) }));
  }
}
