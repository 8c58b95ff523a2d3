import 'reflect-metadata';
import { ConfigError, loadConfig, type LoomConfig } from './config/config.js';
import { createHttpApp } from './http-app.js';

function configOrExit(): LoomConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`loom: invalid configuration: ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const app = await createHttpApp(config);
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
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  process.stdout.write(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'Loom is listening', url: `http://localhost:${port}`, port, database: config.databaseUrl ? 'postgres' : 'embedded' }) + '\n');
}

main().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`loom: failed to start: ${message}\n`);
  process.exit(1);
});
