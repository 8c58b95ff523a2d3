import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import { ProblemError } from '../common/problem.js';

const ACCOUNT_LIMIT = 5, ACCOUNT_WINDOW = '15 minutes';
const CLIENT_LIMIT = 20, CLIENT_WINDOW = '1 minute';

/**
 * Login throttling kept in PostgreSQL so every API node sees the same counts:
 * 5 failures per 15 min per account, 20 attempts per minute per client address.
 */
@Injectable()
export class LoginLimiter {
  constructor(private readonly db: Db) {}

  async check(email: string, client: string): Promise<void> {
    const [row] = await this.db.query<{ account: number; client: number; retry: number }>(
      `SELECT
         count(*) FILTER (WHERE lower(email) = lower($1) AND NOT ok AND at > now() - $3::interval)::int AS account,
         count(*) FILTER (WHERE client = $2 AND at > now() - $4::interval)::int AS client,
         ceil(extract(epoch FROM (min(at) FILTER (WHERE lower(email) = lower($1) AND NOT ok AND at > now() - $3::interval)
           + $3::interval - now())))::int AS retry
       FROM core.login_attempt WHERE at > now() - $3::interval`,
      [email, client, ACCOUNT_WINDOW, CLIENT_WINDOW],
    );
    if (row.account >= ACCOUNT_LIMIT || row.client >= CLIENT_LIMIT) {
      const retry = row.account >= ACCOUNT_LIMIT ? Math.max(1, row.retry ?? 60) : 60;
      throw new ProblemError('rate_limited', 'Too many login attempts; try again later', { headers: { 'retry-after': String(retry) } });
    }
  }

  async record(email: string, client: string, ok: boolean): Promise<void> {
    await this.db.query(`INSERT INTO core.login_attempt (email, client, ok) VALUES ($1, $2, $3)`, [email.slice(0, 320), client.slice(0, 64), ok]);
    if (Math.random() < 0.01) await this.db.query(`DELETE FROM core.login_attempt WHERE at < now() - interval '1 day'`);
  }
}
