import { Injectable } from '@nestjs/common';
import { Db, Tx } from '../database/db.js';
import { conflict, invalid, notFound } from '../common/problem.js';
import { isUuid } from './users.service.js';

export interface TeamDto { id: string; name: string; parent: string | null; createdAt: string }
export interface TeamInput { name?: string; parent?: string | null }

const COLUMNS = `id, name, parent_id AS parent, created_at AS "createdAt"`;

/** Teams form a tree (parent); `team` record scopes read it. Deleting a team is soft. */
@Injectable()
export class TeamsService {
  constructor(private readonly db: Db) {}

  list(): Promise<TeamDto[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core.team WHERE deleted_at IS NULL ORDER BY lower(name), id`);
  }

  async get(id: string): Promise<TeamDto> {
    const [row] = isUuid(id) ? await this.db.query<TeamDto>(`SELECT ${COLUMNS} FROM core.team WHERE id = $1 AND deleted_at IS NULL`, [id]) : [];
    if (!row) throw notFound(`No team ${id}`);
    return row;
  }

  create(input: Required<Pick<TeamInput, 'name'>> & TeamInput): Promise<TeamDto> {
    return this.db.tx(async (tx) => {
      await this.checkParent(tx, input.parent ?? null, null);
      const [row] = await tx.query<TeamDto>(`INSERT INTO core.team (name, parent_id) VALUES ($1, $2) RETURNING ${COLUMNS}`, [input.name, input.parent ?? null]).catch(uniqueName);
      return row;
    });
  }

  async update(id: string, input: TeamInput): Promise<TeamDto> {
    await this.get(id);
    return this.db.tx(async (tx) => {
      if (input.parent !== undefined) await this.checkParent(tx, input.parent, id);
      const [row] = await tx.query<TeamDto>(
        `UPDATE core.team SET name = COALESCE($2, name), parent_id = CASE WHEN $3 THEN $4::uuid ELSE parent_id END, updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, input.name ?? null, input.parent !== undefined, input.parent ?? null],
      ).catch(uniqueName);
      return row;
    });
  }

  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.db.tx(async (tx) => {
      await tx.query(`UPDATE core.team SET parent_id = (SELECT parent_id FROM core.team WHERE id = $1) WHERE parent_id = $1`, [id]);
      await tx.query(`UPDATE core."user" SET team_id = NULL WHERE team_id = $1`, [id]);
      await tx.query(`UPDATE core.team SET deleted_at = now() WHERE id = $1`, [id]);
    });
  }

  private async checkParent(tx: Tx, parent: string | null, selfId: string | null): Promise<void> {
    if (!parent) return;
    const [p] = await tx.query(`SELECT 1 FROM core.team WHERE id = $1 AND deleted_at IS NULL`, [parent]);
    if (!p) throw invalid([{ path: '/parent', message: 'no such team' }]);
    if (!selfId) return;
    const [cycle] = await tx.query(
      `WITH RECURSIVE up(id) AS (SELECT $1::uuid UNION SELECT t.parent_id FROM core.team t JOIN up ON t.id = up.id WHERE t.parent_id IS NOT NULL)
       SELECT 1 FROM up WHERE id = $2`,
      [parent, selfId],
    );
    if (cycle) throw invalid([{ path: '/parent', message: 'a team cannot be inside itself' }]);
  }
}

function uniqueName(e: unknown): never {
  if ((e as { status?: number }).status === 409) throw conflict('A team with this name already exists', { errors: [{ path: '/name', message: 'must be unique' }] });
  throw e;
}
