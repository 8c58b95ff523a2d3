import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { Db } from '../database/db.js';
import { ProblemError } from '../common/problem.js';
import { hashApiKey, looksLikeApiKey } from './api-key.js';
import { ADMIN_ONLY, CurrentUser, IS_PUBLIC, isAdmin } from './current-user.js';
import { RateWindow } from './rate-window.js';
import { SessionCache } from './session-cache.js';
import { TokenService } from './token.service.js';

interface UserRow {
  id: string; email: string; name: string; roles: string[]; team_id: string | null; manager_id: string | null;
  locale: string | null; active: boolean; token_version: number; api_key_id?: string;
}

const USER_COLUMNS = `u.id, u.email, u.name, u.roles, u.team_id, u.manager_id, u.locale, u.active, u.token_version`;

/** Global guard: Bearer JWT or API key on every route not marked @Public(); admin-only routes need role admin. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly apiKeyQuota = new RateWindow(100, 10_000);

  constructor(private readonly reflector: Reflector, private readonly tokens: TokenService, private readonly db: Db, private readonly sessions: SessionCache<UserRow>) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = ctx.switchToHttp().getRequest<FastifyRequest & { user?: CurrentUser }>();
    const user = await this.authenticate(request.headers.authorization);
    request.user = user;
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !isAdmin(user)) {
      throw new ProblemError('forbidden', 'This needs the admin role');
    }
    return true;
  }

  async authenticate(header: string | undefined): Promise<CurrentUser> {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!m) throw unauthorized('Missing Authorization: Bearer <token>');
    const token = m[1];
    if (looksLikeApiKey(token)) return this.fromApiKey(token);
    const claims = await this.tokens.verify(token);
    if (!claims) throw unauthorized('The access token is invalid or expired');
    let row = this.sessions.get(claims.sub);
    if (!row) {
      [row] = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM core."user" u WHERE u.id = $1`, [claims.sub]);
      if (row) this.sessions.set(claims.sub, row);
    }
    if (!row || !row.active || row.token_version !== claims.tv) throw unauthorized('The access token is no longer valid');
    return toCurrentUser(row, 'jwt');
  }

  private async fromApiKey(key: string): Promise<CurrentUser> {
    const [row] = await this.db.query<UserRow>(
      `UPDATE core.api_key k SET last_used_at = now() FROM core."user" u
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.id = k.user_id
        RETURNING ${USER_COLUMNS}, k.id AS api_key_id`,
      [hashApiKey(key)],
    );
    if (!row || !row.active) throw unauthorized('The API key is invalid or revoked');
    const wait = this.apiKeyQuota.take(row.api_key_id!);
    if (wait) throw new ProblemError('rate_limited', 'API key quota exceeded', { headers: { 'retry-after': String(wait) } });
    return toCurrentUser(row, 'apiKey');
  }
}

function toCurrentUser(row: UserRow, via: 'jwt' | 'apiKey'): CurrentUser {
  return {
    id: row.id, email: row.email, name: row.name, roles: row.roles, teamId: row.team_id, managerId: row.manager_id,
    locale: row.locale, via, ...(row.api_key_id ? { apiKeyId: row.api_key_id } : {}),
  };
}

const unauthorized = (detail: string) => new ProblemError('unauthorized', detail, { headers: { 'www-authenticate': 'Bearer' } });
