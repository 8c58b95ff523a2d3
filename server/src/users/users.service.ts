import { Injectable } from '@nestjs/common';
import { Db, Tx } from '../database/db.js';
import { conflict, invalid, notFound } from '../common/problem.js';
import { hashPassword } from '../auth/password.js';
import { SessionCache } from '../auth/session-cache.js';
import { isUuid } from '../common/is-uuid.js';

export interface UserDto {
  id: string; email: string; name: string; roles: string[]; team: string | null; manager: string | null;
  active: boolean; locale: string | null; createdAt: string; updatedAt: string;
}

export interface UserInput {
  email?: string; name?: string; password?: string; roles?: string[]; team?: string | null;
  manager?: string | null; active?: boolean; locale?: string | null;
}

const COLUMNS = `id, email, name, roles, team_id AS team, manager_id AS manager, active, locale, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Users and the manager hierarchy; passwords are hashed and never returned. */
@Injectable()
export class UsersService {
  constructor(private readonly db: Db, private readonly sessions: SessionCache) {}

  list(): Promise<UserDto[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM core."user" ORDER BY lower(name), id`);
  }

  async get(id: string): Promise<UserDto> {
    const [row] = isUuid(id) ? await this.db.query<UserDto>(`SELECT ${COLUMNS} FROM core."user" WHERE id = $1`, [id]) : [];
    if (!row) throw notFound(`No user ${id}`);
    return row;
  }

  async create(input: Required<Pick<UserInput, 'email' | 'name' | 'password'>> & UserInput): Promise<UserDto> {
    return this.db.tx(async (tx) => {
      await this.checkRefs(tx, input, null);
      const [row] = await tx.query<UserDto>(
        `INSERT INTO core."user" (email, name, password_hash, roles, team_id, manager_id, active, locale)
         VALUES (lower($1), $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
        [input.email, input.name, await hashPassword(input.password), input.roles ?? [], input.team ?? null,
          input.manager ?? null, input.active ?? true, input.locale ?? null],
      ).catch(uniqueEmail);
      return row;
    });
  }

  async update(id: string, input: UserInput): Promise<UserDto> {
    await this.get(id);
    return this.db.tx(async (tx) => {
      await this.checkRefs(tx, input, id);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.email !== undefined) set('email', input.email.toLowerCase());
      if (input.name !== undefined) set('name', input.name);
      if (input.password !== undefined) set('password_hash', await hashPassword(input.password));
      if (input.roles !== undefined) set('roles', input.roles);
      if (input.team !== undefined) set('team_id', input.team);
      if (input.manager !== undefined) set('manager_id', input.manager);
      if (input.active !== undefined) set('active', input.active);
      if (input.locale !== undefined) set('locale', input.locale);
      // a password change or deactivation ends every session of this user (SECURITY.md 9)
      const bump = input.password !== undefined || input.active === false ? ', token_version = token_version + 1' : '';
      const [row] = await tx.query<UserDto>(
        `UPDATE core."user" SET ${[...sets, 'updated_at = now()'].join(', ')}${bump} WHERE id = $1 RETURNING ${COLUMNS}`,
        params,
      ).catch(uniqueEmail);
      return row;
    }).finally(() => this.sessions.forget(id)); // after commit, so no request re-caches the old row
  }

  /** Users are deactivated, not deleted: their records keep a valid owner. */
  deactivate(id: string): Promise<UserDto> {
    return this.update(id, { active: false });
  }

  private async checkRefs(tx: Tx, input: UserInput, selfId: string | null): Promise<void> {
    if (input.team) {
      const [t] = await tx.query(`SELECT 1 FROM core.team WHERE id = $1 AND deleted_at IS NULL`, [input.team]);
      if (!t) throw invalid([{ path: '/team', message: 'no such team' }]);
    }
    if (input.manager) {
      if (input.manager === selfId) throw invalid([{ path: '/manager', message: 'a user cannot manage themself' }]);
      const [m] = await tx.query(`SELECT 1 FROM core."user" WHERE id = $1`, [input.manager]);
      if (!m) throw invalid([{ path: '/manager', message: 'no such user' }]);
      if (selfId) {
        const [cycle] = await tx.query(
          `WITH RECURSIVE up(id) AS (SELECT $1::uuid UNION SELECT u.manager_id FROM core."user" u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL)
           SELECT 1 FROM up WHERE id = $2`,
          [input.manager, selfId],
        );
        if (cycle) throw invalid([{ path: '/manager', message: 'this would make a management cycle' }]);
      }
    }
  }
}

export { isUuid } from '../common/is-uuid.js';

function uniqueEmail(e: unknown): never {
  if ((e as { status?: number }).status === 409) throw conflict('A user with this email already exists', { errors: [{ path: '/email', message: 'must be unique' }] });
  throw e;
}
