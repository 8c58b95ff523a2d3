import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { AuthGuard } from '../auth/auth.guard.js';
import { looksLikeApiKey } from '../auth/api-key.js';
import type { LoadSharesGuard } from '../permissions/load-shares.guard.js';
import type { RecordReader } from './record-reader.service.js';
import type { RecordsService } from './records.service.js';

/** What the hot reads call: the same services and guard code the NestJS routes run. */
export interface HotReadServices {
  auth: Pick<AuthGuard, 'authenticate'>;
  shares: Pick<LoadSharesGuard, 'attach'>;
  records: Pick<RecordsService, 'objectOrThrow' | 'getJson'>;
  reader: Pick<RecordReader, 'listJson'>;
}

type Params = { object: string; id?: string };
type Answer = { json: string; etag?: string };

/**
 * The two hottest reads — `GET /api/records/:object` and `GET /api/records/:object/:id` — answered
 * before NestJS's pipeline (a chain of guards, interceptors and promises that costs a GET about
 * 40 µs of CPU, an eighth of it: bench/records.mjs), by the same code the routes run: the auth
 * guard's `authenticate`, the share guard's `attach`, the records services. Only the success path
 * is taken here: on any error, an API key (whose use is counted and rate-limited), or a GET one
 * with query parameters, the request goes on to the NestJS route, which answers it as always
 * (problem+json included). These routes have no other guards; hot-reads.spec.ts keeps it so.
 */
export function registerHotReads(fastify: FastifyInstance, services: () => HotReadServices): void {
  let resolved: HotReadServices | undefined;
  fastify.addHook('onRoute', (route: RouteOptions) => {
    if (route.method !== 'GET') return;
    const answer = route.url === '/api/records/:object' ? list : route.url === '/api/records/:object/:id' ? getOne : undefined;
    if (!answer) return;
    const existing = route.preHandler ? [route.preHandler].flat() : [];
    route.preHandler = [...existing, (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
      const token = bearer(request.headers.authorization);
      if (!token) return done();
      let answering: Promise<Answer | undefined>;
      try {
        answering = answer(resolved ??= services(), token, request);
      } catch {
        return done();
      }
      answering.then((a) => {
        if (!a) return done();
        if (a.etag) reply.header('etag', a.etag);
        reply.type('application/json; charset=utf-8').send(a.json);
      }, () => done());
    }];
  });
}

/** A JWT from `Authorization: Bearer …` (not an API key), or undefined. */
export function bearer(header: string | undefined): string | undefined {
  if (!header || !/^Bearer\s/i.test(header)) return undefined;
  const token = header.slice(7).trim();
  return token && !looksLikeApiKey(token) ? token : undefined;
}

async function caller(s: HotReadServices, token: string) {
  const user = await s.auth.authenticate(`Bearer ${token}`);
  await s.shares.attach(user);
  return user;
}

async function list(s: HotReadServices, token: string, request: FastifyRequest): Promise<Answer> {
  const { object } = request.params as Params;
  s.records.objectOrThrow(object);
  const user = await caller(s, token);
  return { json: await s.reader.listJson(user, object, request.query as Record<string, unknown>) };
}

async function getOne(s: HotReadServices, token: string, request: FastifyRequest): Promise<Answer | undefined> {
  for (const _ in request.query as object) return undefined; // ?fields= / ?expand=: the route's own path
  const { object, id } = request.params as Params;
  const user = await caller(s, token);
  const { json, version } = await s.records.getJson(user, object, id!);
  return { json, etag: `"${version}"` };
}
