import { readFileSync } from 'node:fs';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PluginSettings {
  /** Folders whose sub-folders are plugins: the repository's `plugins/` (sdk excluded), then LOOM_PLUGINS_DIR entries. */
  dirs: string[];
  /** The server's version: plugin.json `engine` ranges are checked against it. */
  engineVersion: string;
  /** Per hook call (API.md limits: 5 s). */
  hookTimeoutMs: number;
  /** Failures in a row after which a plugin is marked failed. */
  failureLimit: number;
}

export const PLUGIN_SETTINGS = Symbol('PLUGIN_SETTINGS');

function positive(env: NodeJS.ProcessEnv, name: string, def: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return Number(raw);
}

/** Reads LOOM_PLUGINS_DIR (path-delimited), LOOM_BUILTIN_PLUGINS (false to skip the repository's plugins/), LOOM_PLUGIN_HOOK_TIMEOUT_MS, LOOM_PLUGIN_FAILURE_LIMIT. */
export function loadPluginSettings(env: NodeJS.ProcessEnv = process.env): PluginSettings {
  const builtIn = fileURLToPath(new URL('../../../plugins', import.meta.url));
  const extra = (env.LOOM_PLUGINS_DIR ?? '').split(delimiter).filter(Boolean);
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    dirs: [...(env.LOOM_BUILTIN_PLUGINS === 'false' ? [] : [builtIn]), ...extra],
    engineVersion: pkg.version,
    hookTimeoutMs: positive(env, 'LOOM_PLUGIN_HOOK_TIMEOUT_MS', 5000),
    failureLimit: positive(env, 'LOOM_PLUGIN_FAILURE_LIMIT', 5),
  };
}
