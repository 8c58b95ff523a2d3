// `npm test`: builds every workspace, runs each workspace's unit specs, then the end-to-end suites
// (server API over real HTTP, web in headless Chromium), and ends with one line of totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'loom-tests-'));
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const skipBuild = args.includes('--no-build');

function run(cmd, cmdArgs, cwd) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

if (!skipBuild && run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=stream'], root) !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const workspaces = ['metadata', 'plugins/sdk', 'server', 'web',
  ...readdirSync(join(root, 'plugins')).filter((d) => d !== 'sdk' && existsSync(join(root, 'plugins', d, 'package.json'))).map((d) => `plugins/${d}`)];

const suites = [];
for (const ws of workspaces) {
  suites.push({ name: `${ws} unit`, cwd: join(root, ws), config: null });
}
suites.push({ name: 'server e2e', cwd: join(root, 'server'), config: 'vitest.e2e.config.ts' });
suites.push({ name: 'web e2e', cwd: join(root, 'web'), config: 'vitest.e2e.config.ts', needsBrowser: true });

const results = [];
for (const suite of suites) {
  if (only && !only.some((o) => suite.name.startsWith(o))) continue;
  if (suite.config && !existsSync(join(suite.cwd, suite.config))) continue;
  if (!existsSync(join(suite.cwd, 'package.json'))) continue;
  if (suite.needsBrowser && !existsSync(process.env.LOOM_CHROMIUM || '/usr/bin/chromium')) {
    console.log(`\n${suite.name}: NOT RUN — no Chromium at /usr/bin/chromium (apt-get install -y chromium); counted as failed`);
    results.push({ name: suite.name, passed: 0, failed: 1, skipped: 0 });
    continue;
  }
  console.log(`\n=== ${suite.name} ===`);
  const file = join(out, suite.name.replace(/\W+/g, '_') + '.json');
  const vitestArgs = ['vitest', 'run', '--passWithNoTests', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`];
  if (suite.config) vitestArgs.push('-c', suite.config);
  const status = run('npx', vitestArgs, suite.cwd);
  let passed = 0, failed = 0, skipped = 0;
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed = report.numPassedTests;
    failed = report.numFailedTests + (report.testResults ?? []).filter((t) => t.status === 'failed' && !t.assertionResults?.length).length;
    skipped = report.numPendingTests + report.numTodoTests;
  }
  if (status !== 0 && failed === 0) failed = 1; // a crash with no report still fails the run
  results.push({ name: suite.name, passed, failed, skipped });
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
