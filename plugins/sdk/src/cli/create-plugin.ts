import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isIdentifier } from '@loom/metadata';
import { engineVersion } from '../node/engine-version.js';
import { pluginTemplate } from './plugin-template.js';

/** Scaffolds `<parent>/<name>`; refuses a name that is not an identifier or a folder that exists. Returns the folder. */
export function createPlugin(name: string, parent: string): string {
  if (!isIdentifier(name)) throw new Error(`"${name}" is not a plugin name: use lower-case letters, digits and _ (like service_visits)`);
  const dir = join(parent, name);
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  for (const [path, text] of Object.entries(pluginTemplate(name, engineVersion()))) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
