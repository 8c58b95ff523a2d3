import type { Label } from './label.js';

/** `plugin.json` (DESIGN.md §6). Paths are relative to the plugin folder. */
export interface PluginManifest {
  name: string;
  version: string;
  /** Semver range of the Loom engine. */
  engine: string;
  dependsOn?: Record<string, string>;
  label: Label;
  description?: Label;
  metadata?: string;
  server?: string;
  web?: string;
  permissions?: { objects?: string[] };
}
