// Measures what the browser must download before a route renders: the entry chunk, the route's
// lazy chunk and every static import of both (from dist/.vite/manifest.json), gzip-compressed.
// Usage: node scripts/measure-route-size.mjs [src/pages/login/LoginPage.vue] [--budget-kb=400]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const args = process.argv.slice(2);
const route = args.find((a) => !a.startsWith('--')) ?? 'src/pages/login/LoginPage.vue';
const budgetKb = Number(args.find((a) => a.startsWith('--budget-kb='))?.slice(12) ?? 400);

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const files = new Set();
const css = new Set();

function collect(key) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`not in the manifest: ${key}`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const sheet of chunk.css ?? []) css.add(sheet);
  for (const imported of chunk.imports ?? []) collect(imported);
}

collect('index.html');
collect(route);

const size = (file) => {
  const bytes = readFileSync(join(dist, file));
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (n) => (n / 1024).toFixed(1);
const total = (list) => list.reduce((sum, file) => {
  const s = size(file);
  return { raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip };
}, { raw: 0, gzip: 0 });

const js = [...files].filter((f) => f.endsWith('.js'));
for (const file of [...js, ...css]) {
  const s = size(file);
  console.log(`${kb(s.gzip).padStart(8)} KB gzip  ${kb(s.raw).padStart(8)} KB  ${file}`);
}
const jsTotal = total(js);
const cssTotal = total([...css]);
console.log(`\n${route}: initial JS ${kb(jsTotal.gzip)} KB gzip (${kb(jsTotal.raw)} KB raw) in ${js.length} files; CSS ${kb(cssTotal.gzip)} KB gzip`);
if (jsTotal.gzip > budgetKb * 1024) {
  console.log(`over the budget of ${budgetKb} KB gzip`);
  process.exit(1);
}
