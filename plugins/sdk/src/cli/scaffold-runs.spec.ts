import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPlugin } from './create-plugin.js';

// The scaffold's own specs and lint, run as a partner would (`npm test`, `npm run lint`) — inside the
// repository so '@loom/plugin-sdk' (built) and vitest resolve from its node_modules.
const sdkRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const parent = mkdtempSync(join(sdkRoot, '.scaffold-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));
const require = createRequire(import.meta.url);
const bin = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const run = (cwd: string, script: string, args: string[]) =>
  execFileSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });

describe('a scaffolded plugin', () => {
  it('passes its generated server and web specs, and lints clean', () => {
    const dir = createPlugin('field_notes', parent);
    const out = run(dir, bin('vitest', 'vitest.mjs'), ['run', '--root', dir]);
    expect(out).toMatch(/src\/server\/index\.spec\.ts/);
    expect(out).toMatch(/src\/web\/web\.spec\.ts/);
    expect(out).toMatch(/Tests\s+5 passed/);
    expect(() => run(dir, bin('typescript', 'bin/tsc'), ['-p', 'tsconfig.json', '--noEmit'])).not.toThrow();
  }, 120_000);
});
