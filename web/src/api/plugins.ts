import type { Label } from '@loom/metadata';
import type { MigrationPlan } from './metadata-writes';
import { request } from './request';

export type PluginState = 'available' | 'installed' | 'enabled' | 'disabled' | 'failed';

/** One entry of `GET /api/plugins` (API.md "Plugins"). */
export interface PluginInfo {
  name: string;
  version: string;
  /** The version in the plugin folder; newer than `version` means an upgrade is waiting. */
  availableVersion?: string;
  state: PluginState;
  error?: string | null;
  dependsOn?: Record<string, string>;
  label?: Label;
  installedAt?: string | null;
  /** The objects its plugin.json asks access to (its own and others'). */
  objects?: string[];
  /** The objects its metadata layer adds (not base ones it extends); hidden from navigation while not enabled. */
  defines?: string[];
}

/** What a lifecycle action answers: the plugin after it, and the plan it applied (if any). */
export type PluginAnswer = PluginInfo & { plan?: Partial<MigrationPlan>; revision?: number; from?: string };

/** `uninstall?dryRun=true`: the plan of removing the plugin's layer with its data, and what it drops. */
export interface UninstallPreview {
  name: string;
  state: PluginState;
  dryRun: true;
  plan: MigrationPlan;
  drops: Array<{ path?: string; description: string }>;
}

export type PluginAction = 'install' | 'enable' | 'disable' | 'upgrade';

const base = (name: string) => `/api/plugins/${encodeURIComponent(name)}`;

/** `silent`: no toast on failure (the UI's own start-up load of plugin web entries). */
export function listPlugins(options: { silent?: boolean } = {}): Promise<PluginInfo[]> {
  return request<PluginInfo[]>('/api/plugins', { expect: [404], silent: options.silent });
}

export function runPluginAction(name: string, action: PluginAction): Promise<PluginAnswer> {
  return request<PluginAnswer>(`${base(name)}/${action}`, { method: 'POST', body: {}, expect: [404, 409, 422] });
}

export function previewUninstall(name: string): Promise<UninstallPreview> {
  return request<UninstallPreview>(`${base(name)}/uninstall`, { method: 'POST', query: { dryRun: true }, expect: [404, 409] });
}

/** Removes the plugin's metadata; `purge` also drops its tables and data. */
export function uninstallPlugin(name: string, purge: boolean): Promise<PluginAnswer> {
  return request<PluginAnswer>(`${base(name)}/uninstall`, { method: 'POST', query: { purge }, expect: [404, 409] });
}
