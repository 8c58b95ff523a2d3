import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { codeForStatus, ProblemBody, ProblemError } from './problem.js';
import type { SpaFallback } from '../web-ui/spa-fallback.js';
import { QueryError } from '../query/query-error.js';

/** Turns every error into application/problem+json; a 500 never carries a stack. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  constructor(private readonly spa?: SpaFallback) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    this.send(exception, host.switchToHttp().getRequest<FastifyRequest>(), host.switchToHttp().getResponse<FastifyReply>());
  }

  /** Answers `exception` as problem+json (also for routes answered outside NestJS: records/hot-routes.ts). */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const { body, headers } = this.toProblem(exception, request);
    if (body.status === 404 && this.spa?.accepts(request, exception)) {
      this.spa.send(reply);
      return;
    }
    if (body.status >= 500) {
      this.logger.error({ msg: 'request failed', reqId: request.id, url: request.url, err: describe(exception) });
    }
    for (const [k, v] of Object.entries(headers)) reply.header(k, v);
    reply.status(body.status).header('content-type', 'application/problem+json; charset=utf-8').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: FastifyRequest): { body: ProblemBody; headers: Record<string, string> } {
    if (exception instanceof ProblemError) return { body: exception.body, headers: exception.headers };
    if (exception instanceof QueryError) {
      const code = exception.status === 403 ? 'forbidden' : exception.status === 422 ? 'validation' : 'bad_request';
      return { body: new ProblemError(code, exception.message, { errors: exception.errors }).body, headers: {} };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const detail = status === 404 ? `No route for ${request.method} ${request.url.split('?')[0]}` : messageOf(exception.getResponse());
      return { body: new ProblemError(codeForStatus(status), detail).body, headers: {} };
    }
    const fastifyStatus = (exception as { statusCode?: number }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const code = (exception as { code?: string }).code ?? '';
      const detail = code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'Request body is larger than the limit'
        : code.startsWith('FST_ERR_CTP') || exception instanceof SyntaxError ? 'Request body is not valid JSON'
        : (exception as Error).message;
      return { body: new ProblemError(codeForStatus(fastifyStatus), detail).body, headers: {} };
    }
    return { body: new ProblemError('internal', 'An unexpected error occurred; it has been logged').body, headers: {} };
  }
}

function messageOf(response: string | object): string {
  if (typeof response === 'string') return response;
  const m = (response as { message?: unknown }).message;
  return Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : 'Request failed';
}

function describe(e: unknown): Record<string, unknown> {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { value: String(e) };
}
