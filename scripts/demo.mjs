// `npm run demo [-- --scale 0.1 --seed 42]`: loads the bilingual demo data set (2k accounts, 10k contacts,
// 5k opportunities with a year of stage history, orders, activities, tickets) into an empty Loom CRM.
// Uses DATABASE_URL, or the embedded database in LOOM_DATA_DIR (stop a server using it first).
// `LOOM_DEMO=1 npm start` does the same on a server's first start.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'dist', 'demo', 'run-demo.js');
if (!existsSync(entry)) {
  process.stderr.write('loom demo: the server is not built; run `npm run build` first\n');
  process.exit(1);
}
const started = Date.now();
process.on('exit', (code) => {
  if (code === 0) process.stdout.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
});
await import(pathToFileURL(entry).href);
