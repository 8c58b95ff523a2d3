import { existsSync } from 'node:fs';
import { dirname, join, normalize, resolve } from 'node:path';
import * as tar from 'tar';
import { validatePlugin } from './validate-plugin.js';
import { readPluginFolder } from '../node/read-plugin-folder.js';

const SHIPPED = ['plugin.json', 'package.json', 'README.md', 'metadata', 'dist', 'locale'];

/**
 * `loom-plugin pack [dir]`: a valid, built plugin as `<name>-<version>.tgz` in `outDir` (default: the plugin folder),
 * holding plugin.json, package.json, README.md, metadata/, dist/, locale/ and the folder of its web entry (e.g. src/web/,
 * compiled by the host's web build) under `<name>/`.
 */
export async function packPlugin(dir: string, outDir = dir): Promise<string> {
  const root = resolve(dir);
  const { errors } = validatePlugin(root);
  if (errors.length) throw new Error(`the plugin is not valid:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  const manifest = readPluginFolder(root).manifest!;
  if (manifest.server && !existsSync(join(root, manifest.server))) throw new Error(`${manifest.server} is missing: build the plugin first`);
  const file = join(resolve(outDir), `${manifest.name}-${manifest.version}.tgz`);
  const webDir = manifest.web ? normalize(dirname(manifest.web)) : null;
  const entries = [...SHIPPED, ...(webDir && webDir !== '.' ? [webDir] : [])].filter((p) => existsSync(join(root, p)));
  await tar.create({ gzip: true, file, cwd: root, portable: true, prefix: manifest.name, filter: (path) => !path.endsWith('.spec.js') && !path.includes('.spec.') }, entries);
  return file;
}
