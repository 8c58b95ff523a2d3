import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { JsonLogger } from '../common/json-logger.js';
import { loadConfig } from '../config/config.js';
import { DemoLoader } from './demo-loader.service.js';
import { reportOutcome } from './demo.module.js';
import { loadDemoSettings } from './demo-settings.js';

/**
 * `npm run demo [-- --scale 0.1 --seed 42]`: loads the demo data into the database Loom is configured
 * for (DATABASE_URL, or the embedded one in LOOM_DATA_DIR — stop a server using it first).
 * Runs no job consumers; exits 0 when loaded or skipped, 1 on error.
 */
async function main(): Promise<void> {
  const settings = loadDemoSettings(process.env, process.argv.slice(2));
  const config = { ...loadConfig({ ...process.env, LOOM_ROLE: 'api' }), demo: false };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new JsonLogger('warn'), abortOnError: false });
  try {
    const print = (line: string) => process.stdout.write(`  ${line}\n`);
    print(`Loom demo data (seed ${settings.seed}, scale ${settings.scale}) → ${config.databaseUrl ? 'PostgreSQL' : `embedded database in ${config.dataDir}`}`);
    const outcome = await app.get(DemoLoader).load({ ...settings, report: print });
    reportOutcome(outcome, print);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`loom demo: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
