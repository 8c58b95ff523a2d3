import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Serves index.html for browser navigations to client-side routes (anything not under /api). */
export class SpaFallback {
  private readonly html: string | null;

  constructor(readonly root: string | null) {
    const index = root ? join(root, 'index.html') : null;
    this.html = index && existsSync(index) ? readFileSync(index, 'utf8') : null;
  }

  get available(): boolean {
    return this.html !== null;
  }

  /** Only an unmatched route (not a "record not found" from a handler), GET, outside /api, wanting HTML. */
  accepts(request: FastifyRequest, exception: unknown): boolean {
    return this.html !== null && exception instanceof NotFoundException && request.method === 'GET'
      && !request.url.startsWith('/api') && (request.headers.accept ?? '').includes('text/html');
  }

  send(reply: FastifyReply): void {
    reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.html);
  }
}
