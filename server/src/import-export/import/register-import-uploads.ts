import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';

/** Registered on the Fastify instance before Nest sets up its routes and error handling (http-app.ts). */
/** The one route that takes multipart/form-data (with the global prefix). */
export const IMPORT_ROUTE = '/api/records/:object/import';

/**
 * @fastify/multipart with the import limits (API.md "Limits": 50 MiB by default, one file, a few
 * fields); any other route that receives multipart gets a 400 problem before its handler runs.
 */
export async function registerImportUploads(fastify: FastifyInstance, fileSize: number): Promise<void> {
  await fastify.register(multipart, { limits: { fileSize, files: 1, fields: 8, fieldSize: 1024 * 1024, parts: 10 } });
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.isMultipart() && request.routeOptions.url !== IMPORT_ROUTE) {
      await reply.code(400).type('application/problem+json; charset=utf-8').send({
        type: 'https://loom.dev/problems/bad-request', title: 'Bad request', status: 400,
        detail: 'multipart/form-data is accepted only by imports (POST /api/records/{object}/import)',
      });
    }
  });
}
