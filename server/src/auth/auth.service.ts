import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { notFound, ProblemError } from '../common/problem.js';
import { isUuid } from '../common/is-uuid.js';
import { newApiKey } from './api-key.js';
import type { CurrentUser } from './current-user.js';
import { LoginLimiter } from './login-limiter.js';
import { verifyPassword } from './password.js';
import { TokenService } from './token.service.js';

// Compared against when the email is unknown, so both paths cost the same scrypt work.
const DUMMY_HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0c2FsdA$RVh6iugrtmkqBKHVEXXF_J16XsJ4lXJ-qQ6LzSSUPXA';

@Injectable()
export class AuthService {
  constructor(private readonly db: Db, private readonly tokens: TokenService, private readonly limiter: LoginLimiter) {}

  async login(email: string, password: string, client: string) {
    await this.limiter.check(email, client);
    const [row] = await this.db.query<{ id: string; email: string; name: string; roles: string[]; password_hash: string; active: boolean; token_version: number }>(
      `SELECT id, email, name, roles, password_hash, active, token_version FROM core."user" WHERE lower(email) = lower($1)`,
      [email],
    );
    const ok = (await verifyPassword(password, row?.password_hash ?? DUMMY_HASH)) && !!row && row.active;
    await this.limiter.record(email, client, ok);
    if (!ok) throw new ProblemError('unauthorized', 'Email or password is wrong');
    return {
      accessToken: await this.tokens.sign(row.id, row.token_version),
      user: { id: row.id, email: row.email, name: row.name, roles: row.roles },
    };
  }

  async me(user: CurrentUser) {
    const [team] = user.teamId ? await this.db.query(`SELECT id, name FROM core.team WHERE id = $1`, [user.teamId]) : [null];
    const [manager] = user.managerId ? await this.db.query(`SELECT id, name, email FROM core."user" WHERE id = $1`, [user.managerId]) : [null];
    return {
      id: user.id, email: user.email, name: user.name, roles: user.roles, locale: user.locale,
      team: team ?? null, manager: manager ?? null,
      permissions: { admin: user.roles.includes('admin'), roles: user.roles },
    };
  }

  async createApiKey(user: CurrentUser, name: string) {
    const { key, hash, prefix } = newApiKey();
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO core.api_key (user_id, name, key_hash, prefix) VALUES ($1, $2, $3, $4) RETURNING id`,
      [user.id, name, hash, prefix],
    );
    return { id: row.id, name, key, prefix };
  }

  listApiKeys(user: CurrentUser) {
    return this.db.query(
      `SELECT id, name, prefix, created_at AS "createdAt", last_used_at AS "lastUsedAt" FROM core.api_key
        WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at`,
      [user.id],
    );
  }

  async revokeApiKey(user: CurrentUser, id: string): Promise<void> {
    const admin = user.roles.includes('admin');
    const rows = isUuid(id)
      ? await this.db.query(
        `UPDATE core.api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL AND (user_id = $2 OR $3) RETURNING id`,
        [id, user.id, admin],
      )
      : [];
    if (!rows.length) throw notFound(`No API key ${id}`);
  }
}
