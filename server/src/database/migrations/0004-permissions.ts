import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Record sharing: an additive grant of one record to a user or a team (read or write). Shares
 * widen the role scope (`… OR id IN (shared with me or my team)`); they never open an object the
 * caller's roles cannot read at all, and never grant delete.
 */
export class Permissions1764489600004 implements MigrationInterface {
  name = 'Permissions1764489600004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE core.record_share (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      object varchar(63) NOT NULL,
      record_id uuid NOT NULL,
      user_id uuid REFERENCES core."user"(id) ON DELETE CASCADE,
      team_id uuid REFERENCES core.team(id) ON DELETE CASCADE,
      access varchar(5) NOT NULL CHECK (access IN ('read', 'write')),
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((user_id IS NULL) <> (team_id IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX record_share_user_uq ON core.record_share (object, record_id, user_id) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX record_share_team_uq ON core.record_share (object, record_id, team_id) WHERE team_id IS NOT NULL`);
    await q.query(`CREATE INDEX record_share_user_idx ON core.record_share (user_id, object) WHERE user_id IS NOT NULL`);
    await q.query(`CREATE INDEX record_share_team_idx ON core.record_share (team_id, object) WHERE team_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE core.record_share`);
  }
}
