import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readPluginFolder, type PluginFolder } from '@loom/plugin-sdk/node';

/**
 * Every plugin folder under the given folders (a sub-folder with plugin.json; `sdk` is the SDK, not a
 * plugin). A name found twice keeps the first and reports the second as an error on it.
 */
export function discoverPlugins(dirs: string[]): PluginFolder[] {
  const found: PluginFolder[] = [];
  const seen = new Map<string, string>();
  for (const root of dirs) {
    if (!existsSync(root)) continue;
    for (const entry of readdirSync(root, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory() || entry.name === 'sdk' || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const dir = join(root, entry.name);
      if (!existsSync(join(dir, 'plugin.json'))) continue;
      const folder = readPluginFolder(dir);
      const name = folder.manifest?.name;
      if (name && seen.has(name)) continue; // the first folder of a name wins (built-in before LOOM_PLUGINS_DIR)
      if (name) seen.set(name, dir);
      found.push(folder);
    }
  }
  return found;
}
