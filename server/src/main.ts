import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { loadAutomationSettings } from './automation/automation-settings.js';
import { JsonLogger } from './common/json-logger.js';
import { ConfigError, loadConfig, type LoomConfig } from './config/config.js';
import { createHttpApp } from './http-app.js';
import { loadJobsSettings } from './jobs/jobs-settings.js';

function configOrExit(): LoomConfig {
  try {
    const config = loadConfig();
    // the job and automation modules read theirs at start too; a bad value stops Loom here, with its name
    loadJobsSettings();
    loadAutomationSettings();
    return config;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`loom: invalid configuration: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

/** Something to close on SIGTERM / SIGINT: the HTTP app, or the worker's application context. */
function closeOnSignals(app: { close(): Promise<void> }): void {
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    // Fastify stops accepting, drains in-flight requests, then pools and the embedded database close
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(() => process.exit(0), (e: unknown) => {
      process.stderr.write(`loom: error during ${signal} shutdown: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

/**
 * LOOM_ROLE: `worker` runs the job consumers, outbox dispatcher and scheduler with no HTTP listener;
 * `api` serves HTTP and leaves jobs to workers; `all` (default) does both in one process.
 */
async function main(): Promise<void> {
  const config = configOrExit();
  if (config.role === 'worker') {
    const worker = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: new JsonLogger(config.logLevel), abortOnError: false });
    closeOnSignals(worker);
    process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'Loom worker is running', queue: config.redisUrl ? 'redis' : 'postgres', database: config.databaseUrl ? 'postgres' : 'embedded' }) + '\n');
    return;
  }
  const app = await createHttpApp(config);
  closeOnSignals(app);
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'Loom is listening', url: `http://localhost:${port}`, port, role: config.role, database: config.databaseUrl ? 'postgres' : 'embedded' }) + '\n');
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`loom: failed to start: ${message}\n`);
  process.exit(1);
});
