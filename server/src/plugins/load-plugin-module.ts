import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { definePlugin, type PluginDefinition } from '@loom/plugin-sdk';

/**
 * Imports a plugin's built server entry (plugin.json `server`) and checks its default export with
 * definePlugin's rules. The URL carries the file's mtime so an upgraded build is imported afresh.
 * Throws with the reason when the file is missing, fails to evaluate or exports no definition.
 */
export async function loadPluginModule(dir: string, entry: string | undefined): Promise<PluginDefinition> {
  if (!entry) return Object.freeze({});
  const file = join(dir, entry);
  let mtime: number;
  try {
    mtime = statSync(file).mtimeMs;
  } catch {
    throw new Error(`server entry ${entry} is missing (is the plugin built?)`);
  }
  const mod = (await import(`${pathToFileURL(file).href}?mtime=${mtime}`)) as { default?: unknown };
  const def = mod.default;
  if (typeof def !== 'object' || def === null) throw new Error(`server entry ${entry} has no default export from definePlugin()`);
  return Object.isFrozen(def) ? def as PluginDefinition : definePlugin(def as PluginDefinition);
}
