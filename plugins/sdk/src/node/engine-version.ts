import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The SDK's package folder, found from this module (works from `src/` and `dist/src/`). */
export function sdkDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@loom/plugin-sdk') return dir;
    if (dirname(dir) === dir) throw new Error('cannot find the @loom/plugin-sdk package folder');
  }
}

/** The Loom engine this SDK targets: the SDK is versioned with the server, and plugin.json `engine` is checked against it. */
export function engineVersion(): string {
  return (JSON.parse(readFileSync(join(sdkDir(), 'package.json'), 'utf8')) as { version: string }).version;
}
