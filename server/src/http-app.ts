import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import { LogController } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { registerImportUploads } from './import-export/import/register-import-uploads.js';
import { OpenApiObjects } from './openapi/openapi-objects.service.js';
import { JsonLogger } from './common/json-logger.js';
import { lazyChildLogger } from './common/lazy-child-logger.js';
import { ProblemFilter } from './common/problem.filter.js';
import type { LoomConfig } from './config/config.js';
import { SpaFallback } from './web-ui/spa-fallback.js';
import { AuthGuard } from './auth/auth.guard.js';
import { LoadSharesGuard } from './permissions/load-shares.guard.js';
import { registerHotRoutes } from './records/hot-routes.js';
import { RecordReader } from './records/record-reader.service.js';
import { RecordsService } from './records/records.service.js';

/** Builds the NestJS application on Fastify with logging, errors, static UI and OpenAPI wired. */
export async function createHttpApp(config: LoomConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    childLoggerFactory: lazyChildLogger,
    // room for long filter URLs, so a too-deep filter gets a 400 with a path from the parser, not a bare 431
    http: { maxHeaderSize: 64 * 1024 },
    clientErrorHandler: (err: Error & { code?: string }, socket: import('node:net').Socket) => {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      const body = JSON.stringify({ type: 'https://loom.dev/problems/bad-request', title: 'Bad request', status, detail: status === 431 ? 'Request headers or URL are too large' : 'Malformed HTTP request' });
      if (socket.writable) socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    },
  } as never);
  // multipart for imports goes on before Nest wires its routes and error handling, so body errors stay problems
  await registerImportUploads(adapter.getInstance() as never, config.importBodyLimit);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new JsonLogger(config.logLevel),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  // callback-style hooks: an async hook costs every request a promise
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    done();
  });

  app.setGlobalPrefix('api');
  const webRoot = resolveWebRoot(config);
  const spa = new SpaFallback(webRoot);
  const problems = new ProblemFilter(spa);
  app.useGlobalFilters(problems);
  registerHotRoutes(fastify as never, () => ({
    auth: app.get(AuthGuard), shares: app.get(LoadSharesGuard), records: app.get(RecordsService), reader: app.get(RecordReader), problems,
  }));
  if (webRoot && spa.available) {
    await app.register(fastifyStatic as never, { root: webRoot, prefix: '/', wildcard: false, index: ['index.html'] });
  }

  const openApi = new DocumentBuilder()
    .setTitle('Loom CRM API')
    .setDescription('Generic records, metadata, permissions, pipelines and approvals. Errors are application/problem+json.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, openApi);
  const objects = app.get(OpenApiObjects);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    useGlobalPrefix: false,
    patchDocumentOnRequest: (req, _res, doc) => objects.patch((req as { headers: Record<string, string | undefined> }).headers.authorization, doc),
  });
  return app;
}

function resolveWebRoot(config: LoomConfig): string | null {
  const candidate = config.webDist ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
  return existsSync(candidate) ? candidate : null;
}
