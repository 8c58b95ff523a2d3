import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MetadataError } from '@loom/metadata';
import { checkPlugin } from '../node/check-plugin.js';
import { engineVersion } from '../node/engine-version.js';
import { readPluginFolder, type PluginFolder } from '../node/read-plugin-folder.js';

/** `loom-plugin validate [dir]`: the plugin's checks, with dependencies looked up in sibling folders. */
export function validatePlugin(dir: string): { name: string | null; errors: MetadataError[] } {
  const folder = readPluginFolder(resolve(dir));
  const parent = dirname(resolve(dir));
  const siblings: PluginFolder[] = readdirSync(parent, { withFileTypes: true })
    .filter((d) => d.isDirectory() && join(parent, d.name) !== resolve(dir) && existsSync(join(parent, d.name, 'plugin.json')))
    .map((d) => readPluginFolder(join(parent, d.name)));
  const { errors } = checkPlugin(folder, { engineVersion: engineVersion(), dependencies: siblings });
  return { name: folder.manifest?.name ?? null, errors };
}
