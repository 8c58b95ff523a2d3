import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AuthGuard } from '../auth/auth.guard.js';
import { looksLikeApiKey } from '../auth/api-key.js';
import type { CurrentUser } from '../auth/current-user.js';
import type { LoadSharesGuard } from '../permissions/load-shares.guard.js';
import { checkIdempotencyKey, createdAnswer, etagOf, parseIfMatch } from './lib/request-headers.js';
import type { RecordReader } from './record-reader.service.js';
import type { RecordsService } from './records.service.js';

/** What the hot routes call: the same services, guard and error code the NestJS routes run. */
export interface HotRouteServices {
  auth: Pick<AuthGuard, 'authenticate'>;
  shares: Pick<LoadSharesGuard, 'attach'>;
  records: Pick<RecordsService, 'objectOrThrow' | 'getJson' | 'createWritten' | 'updateWritten'>;
  reader: Pick<RecordReader, 'listJson'>;
  /** The app's problem+json answer (ProblemFilter.send). */
  problems: { send(error: unknown, request: FastifyRequest, reply: FastifyReply): void };
}

/** A hot route's answer: the record or page as JSON text, sent as it is. */
interface Answer {
  status?: number;
  json: string;
  headers?: Record<string, string>;
}

interface HotRoute {
  /** False: the NestJS route answers this request. */
  takes?(request: FastifyRequest): boolean;
  run(s: HotRouteServices, user: CurrentUser, request: FastifyRequest): Promise<Answer>;
  /** Reads leave a failure to the NestJS route (it answers again, as always); writes answer it here, never twice. */
  onError: 'route' | 'answer';
}

type Params = { object: string; id?: string };

/**
 * The records API's hottest routes — list, GET one, create, PATCH — answered before NestJS's
 * pipeline (a chain of guards, interceptors and promises costing each request ~40 µs of CPU:
 * bench/records.mjs) by the code the NestJS routes run: the auth guard's `authenticate`, the share
 * guard's `attach`, the records services, the problem filter. Taken for JWT callers; API keys
 * (counted and rate-limited by the guard) and GET one with a query go on to the NestJS routes.
 * These routes have no other guard, pipe or interceptor; hot-routes.spec.ts keeps it so.
 */
export function registerHotRoutes(fastify: FastifyInstance, services: () => HotRouteServices): void {
  let resolved: HotRouteServices | undefined;
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const hot = [route.method].flat().length === 1 ? HOT_ROUTES[`${route.method} ${route.url}`] : undefined;
    if (!hot) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [...existing, (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
      const token = bearer(request.headers.authorization);
      if (!token || (hot.takes && !hot.takes(request))) return done();
      const s = resolved ??= services();
      callerOf(s, token).then((user) => hot.run(s, user, request)).then((a) => {
        if (a.headers) reply.headers(a.headers);
        if (a.status) reply.status(a.status);
        reply.type('application/json; charset=utf-8').send(a.json);
      }, (e: unknown) => (hot.onError === 'route' ? done() : s.problems.send(e, request, reply)))
        .catch((e: unknown) => request.log.error({ err: e }, 'hot route failed to answer'));
    }];
  });
}

/** A JWT from `Authorization: Bearer …` (not an API key), or undefined. */
export function bearer(header: string | undefined): string | undefined {
  if (!header || !/^Bearer\s/i.test(header)) return undefined;
  const token = header.slice(7).trim();
  return token && !looksLikeApiKey(token) ? token : undefined;
}

/** The caller as the auth guard makes it, with the shares the share guard attaches. */
async function callerOf(s: HotRouteServices, token: string): Promise<CurrentUser> {
  const user = await s.auth.authenticate(`Bearer ${token}`);
  await s.shares.attach(user);
  return user;
}

const HOT_ROUTES: Record<string, HotRoute> = {
  'GET /api/records/:object': {
    onError: 'route',
    async run(s, user, request) {
      const { object } = request.params as Params;
      s.records.objectOrThrow(object);
      return { json: await s.reader.listJson(user, object, request.query as Record<string, unknown>) };
    },
  },
  'GET /api/records/:object/:id': {
    onError: 'route',
    takes: (request) => { for (const _ in request.query as object) return false; return true; }, // ?fields= / ?expand=: the route's own path
    async run(s, user, request) {
      const { object, id } = request.params as Params;
      const { json, version } = await s.records.getJson(user, object, id!);
      return { json, headers: { etag: etagOf(version) } };
    },
  },
  'POST /api/records/:object': {
    onError: 'answer',
    async run(s, user, request) {
      const { object } = request.params as Params;
      const key = request.headers['idempotency-key'] as string | undefined;
      checkIdempotencyKey(key);
      const { written, replayed } = await s.records.createWritten(user, object, request.body, key);
      return { json: written.json, ...createdAnswer(object, written, replayed) };
    },
  },
  'PATCH /api/records/:object/:id': {
    onError: 'answer',
    async run(s, user, request) {
      const { object, id } = request.params as Params;
      const written = await s.records.updateWritten(user, object, id!, request.body, parseIfMatch(request.headers['if-match'] as string | undefined));
      return { json: written.json, headers: { etag: etagOf(written.version) } };
    },
  },
};
