import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, teams (with parent), manager hierarchy, hashed API keys, login attempts for rate limiting. */
export class CoreAuth1764489600001 implements MigrationInterface {
  name = 'CoreAuth1764489600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS data`);
    await q.query(`CREATE TABLE core.team (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name varchar(200) NOT NULL,
      parent_id uuid REFERENCES core.team(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX team_name_uq ON core.team (lower(name)) WHERE deleted_at IS NULL`);
    await q.query(`CREATE TABLE core."user" (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email varchar(320) NOT NULL,
      name varchar(200) NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL DEFAULT '{}',
      team_id uuid REFERENCES core.team(id) ON DELETE SET NULL,
      manager_id uuid REFERENCES core."user"(id) ON DELETE SET NULL,
      active boolean NOT NULL DEFAULT true,
      locale varchar(10),
      token_version integer NOT NULL DEFAULT 1,
      delegate_to uuid REFERENCES core."user"(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX user_email_uq ON core."user" (lower(email))`);
    await q.query(`CREATE INDEX user_manager_idx ON core."user" (manager_id)`);
    await q.query(`CREATE INDEX user_team_idx ON core."user" (team_id)`);
    await q.query(`CREATE TABLE core.api_key (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES core."user"(id) ON DELETE CASCADE,
      name varchar(200) NOT NULL,
      key_hash char(64) NOT NULL UNIQUE,
      prefix varchar(16) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE TABLE core.login_attempt (
      id bigserial PRIMARY KEY,
      email varchar(320) NOT NULL,
      client varchar(64) NOT NULL,
      ok boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX login_attempt_email_idx ON core.login_attempt (lower(email), at)`);
    await q.query(`CREATE INDEX login_attempt_client_idx ON core.login_attempt (client, at)`);
    await q.query(`CREATE TABLE core.setting (key varchar(100) PRIMARY KEY, value jsonb NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.setting, core.login_attempt, core.api_key, core."user", core.team`);
  }
}
