import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve, sep } from 'node:path';
import type { Plugin } from 'vite';

export const VIRTUAL_ID = 'virtual:loom-web-plugins';
const RESOLVED_ID = '\0' + VIRTUAL_ID;
const NAME = /^[a-z][a-z0-9_]{0,62}$/;

export interface WebPluginEntry {
  name: string;
  /** Absolute path of the file plugin.json's `web` names. */
  entry: string;
}

/**
 * The web entries of the plugin folders under `dirs` (like the server's discovery: sub-folders with a
 * plugin.json, `sdk` skipped, the first folder of a name wins). A plugin without `web`, or whose entry
 * is missing or points outside its folder, has no web side.
 */
export function findWebEntries(dirs: string[]): WebPluginEntry[] {
  const found = new Map<string, string>();
  for (const root of dirs) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || entry.name === 'sdk' || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const dir = resolve(root, entry.name);
      const manifest = readManifest(join(dir, 'plugin.json'));
      if (!manifest || found.has(manifest.name) || !manifest.web) continue;
      const file = resolve(dir, manifest.web);
      if (!file.startsWith(dir + sep) || !existsSync(file)) continue;
      found.set(manifest.name, file);
    }
  }
  return [...found].map(([name, entry]) => ({ name, entry }));
}

function readManifest(path: string): { name: string; web?: string } | null {
  if (!existsSync(path)) return null;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as { name?: unknown; web?: unknown };
    return typeof m.name === 'string' && NAME.test(m.name) ? { name: m.name, web: typeof m.web === 'string' ? m.web : undefined } : null;
  } catch {
    return null;
  }
}

/** The virtual module: plugin name → a lazy import of its web entry (each one its own chunk). */
export function webPluginsModule(entries: WebPluginEntry[]): string {
  const lines = entries.map((e) => `  ${JSON.stringify(e.name)}: () => import(${JSON.stringify(e.entry)}),`);
  return `export default {\n${lines.join('\n')}\n};\n`;
}

/** The folders the server looks in: the repository's plugins/ (unless LOOM_BUILTIN_PLUGINS=false) and LOOM_PLUGINS_DIR. */
export function pluginDirs(repoPlugins: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.LOOM_PLUGINS_DIR ?? '').split(delimiter).filter(Boolean).map((d) => resolve(d));
  return [...(env.LOOM_BUILTIN_PLUGINS === 'false' ? [] : [repoPlugins]), ...extra];
}

/**
 * Compiles every plugin's web entry into the web build (`import webPlugins from 'virtual:loom-web-plugins'`),
 * so plugins share the host's Vue, Element Plus and vue-i18n; the UI imports only the enabled ones at run time.
 */
export function loomWebPlugins(dirs: string[]): Plugin {
  return {
    name: 'loom-web-plugins',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? webPluginsModule(findWebEntries(dirs)) : undefined),
  };
}
