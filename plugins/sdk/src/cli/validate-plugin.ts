import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { MetadataError } from '@loom/metadata';
import { checkPlugin } from '../node/check-plugin.js';
import { engineVersion } from '../node/engine-version.js';
import { readPluginFolder, type PluginFolder } from '../node/read-plugin-folder.js';

/** `loom-plugin validate [dir]`: the plugin's checks, with dependencies looked up in sibling folders, and that its web entry exists. */
export function validatePlugin(dir: string): { name: string | null; errors: MetadataError[] } {
  const folder = readPluginFolder(resolve(dir));
  const parent = dirname(resolve(dir));
  const siblings: PluginFolder[] = readdirSync(parent, { withFileTypes: true })
    .filter((d) => d.isDirectory() && join(parent, d.name) !== resolve(dir) && existsSync(join(parent, d.name, 'plugin.json')))
    .map((d) => readPluginFolder(join(parent, d.name)));
  const { errors } = checkPlugin(folder, { engineVersion: engineVersion(), dependencies: siblings });
  // the web entry is source the host's web build compiles (no build step of the plugin makes it)
  const web = folder.manifest?.web;
  if (web && !existsSync(join(resolve(dir), web))) errors.push({ path: 'plugin.json/web', message: `${web} does not exist`, code: 'web_entry_missing' });
  return { name: folder.manifest?.name ?? null, errors };
}
