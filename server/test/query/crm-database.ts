// Hand-written DDL and rows for the query fixtures (src/query/fixtures/crm-set.fixture.ts), as the
// schema migrator would create them: schema "data", system columns, field columns by physical-names.ts.
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from '../support/server.js';
import { ACCOUNTS, CONTACTS, OPPORTUNITIES, TAGS, USERS } from '../../src/query/fixtures/crm-ids.fixture.js';

const SYSTEM = `id uuid PRIMARY KEY DEFAULT gen_random_uuid(), owner uuid, created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(), created_by uuid, updated_by uuid, version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz`;

export const DDL = `
CREATE SCHEMA data;
CREATE SCHEMA core;
CREATE TABLE core."user" (id uuid PRIMARY KEY, name varchar(200) NOT NULL, email varchar(320) NOT NULL);
CREATE TABLE data.account (${SYSTEM}, name varchar(200), industry varchar(100), parent_id uuid, annual_revenue numeric(18,2),
  employees bigint, website varchar(2000), founded date, rating smallint, legacy_code varchar(200));
CREATE TABLE data.contact (${SYSTEM}, name varchar(200), email varchar(320), phone varchar(50), birthday date, account_id uuid,
  vip boolean, interests text[], labels text[], assistant uuid, last_contacted_at timestamptz, visits bigint, notes text,
  bio text, profile jsonb);
CREATE TABLE data.opportunity (${SYSTEM}, name varchar(200), code varchar(100), account_id uuid, contact_id uuid,
  amount numeric(18,2), cost numeric(18,2), probability numeric, discount numeric, quantity bigint, stage varchar(100),
  priority varchar(100), features text[], keywords text[], reviewer uuid, open_date date, close_date date,
  closed_at timestamptz, strategic boolean, loss_reason text, description text, meta jsonb, score smallint, old_code varchar(200));
CREATE TABLE data.tag (${SYSTEM}, name varchar(200), color varchar(100));
CREATE TABLE data.opportunity__tags (source_id uuid NOT NULL, target_id uuid NOT NULL, PRIMARY KEY (source_id, target_id));
CREATE TABLE data.contact__topics (source_id uuid NOT NULL, target_id uuid NOT NULL, PRIMARY KEY (source_id, target_id));
`;

const [U, A, C, O, T] = [USERS, ACCOUNTS, CONTACTS, OPPORTUNITIES, TAGS];

type Row = Record<string, unknown>;
const at = (day: number) => `2024-01-${String(day).padStart(2, '0')}T08:00:00Z`;

export const ROWS: Record<string, Row[]> = {
  '"core"."user"': [
    { id: U[0], name: 'Una', email: 'una@loom.test' },
    { id: U[1], name: 'Vic', email: 'vic@loom.test' },
    { id: U[2], name: 'Wes', email: 'wes@loom.test' },
  ],
  'data.account': [
    { id: A[0], owner: U[0], created_at: at(1), name: 'Acme', industry: 'retail', annual_revenue: 5000000, employees: 120, website: 'https://acme.test', founded: '1999-02-28', rating: 5 },
    { id: A[1], owner: U[1], created_at: at(2), name: 'Globex', industry: 'tech', parent_id: A[0], annual_revenue: 0, employees: 40, founded: '2000-02-29', rating: 3 },
    { id: A[2], owner: U[2], created_at: at(3), name: 'Initech', industry: 'finance', parent_id: A[1], employees: null },
    { id: A[3], owner: U[0], created_at: at(4), name: 'Umbrella', industry: 'retail', deleted_at: at(20) },
    { id: A[4], owner: U[2], created_at: at(5), name: 'Hooli', industry: 'tech', annual_revenue: 100 },
  ],
  'data.contact': [
    { id: C[0], owner: U[0], created_at: at(1), name: 'Ann', email: 'ann@acme.test', birthday: '1992-02-29', account_id: A[0], vip: true, interests: ['golf', 'wine'], labels: ['a', 'b'], assistant: U[1], last_contacted_at: '2024-04-30T23:30:00Z', visits: 7, profile: { age: 32 } },
    { id: C[1], owner: U[1], created_at: at(2), name: 'Bob', email: 'bob@globex.test', birthday: '1985-02-28', account_id: A[1], vip: false, interests: ['tech'], labels: [], visits: 0 },
    { id: C[2], owner: U[2], created_at: at(3), name: 'Cy', account_id: null, interests: null, labels: null },
  ],
  'data.tag': [
    { id: T[0], owner: U[0], created_at: at(1), name: 'hot', color: 'red' },
    { id: T[1], owner: U[0], created_at: at(2), name: 'cold', color: 'blue' },
    { id: T[2], owner: U[0], created_at: at(3), name: 'gone', color: 'green', deleted_at: at(9) },
  ],
  'data.opportunity': [
    { id: O[0], owner: U[0], created_at: at(1), name: 'Alpha', code: 'OPP-0001', account_id: A[0], contact_id: C[0], amount: 150000, cost: 50000, probability: 50, discount: 10, quantity: 3, stage: 'proposal', priority: 'high', features: ['api', 'sso'], keywords: ['renewal'], reviewer: U[1], open_date: '2024-01-10', close_date: '2024-03-01', strategic: true, meta: { region: 'eu' }, score: 4, description: '<p>Big</p>' },
    { id: O[1], owner: U[1], created_at: at(2), name: 'Beta 50%_off', code: 'OPP-0002', account_id: A[1], contact_id: C[1], amount: 0, cost: 10, probability: 10, quantity: 1, stage: 'qualify', priority: 'low', features: [], keywords: null, open_date: '2024-02-29', close_date: null, strategic: false, meta: null, score: 2 },
    { id: O[2], owner: U[2], created_at: at(3), name: 'Gamma', code: 'OPP-0003', account_id: A[2], amount: null, probability: null, stage: 'won', priority: null, features: ['audit'], keywords: ['a', 'b'], open_date: '2023-02-28', close_date: '2024-02-28', closed_at: '2024-05-01T10:00:00Z', meta: [] },
    { id: O[3], owner: U[0], created_at: at(4), name: 'Delta', code: 'OPP-0004', account_id: A[3], amount: 500, cost: 500, probability: 0, stage: 'lost', priority: 'medium', loss_reason: 'price', open_date: '2024-04-01', meta: '' },
    { id: O[4], owner: U[0], created_at: at(4), name: 'epsilon', code: 'OPP-0005', account_id: null, amount: 99999.99, probability: 90, stage: 'negotiation', priority: 'high', features: ['sso'], closed_at: '2024-05-01T23:30:00Z', reviewer: U[2], strategic: null },
    { id: O[5], owner: U[0], created_at: at(6), name: 'Zeta', code: 'OPP-0006', account_id: A[0], amount: 1, stage: 'qualify', deleted_at: at(10) },
  ],
  'data.opportunity__tags': [
    { source_id: O[0], target_id: T[0] }, { source_id: O[0], target_id: T[1] }, { source_id: O[1], target_id: T[2] },
    { source_id: O[4], target_id: T[0] },
  ],
  'data.contact__topics': [{ source_id: C[0], target_id: T[1] }],
};

const JSON_COLUMNS = new Set(['meta', 'profile']);

/** Creates the schema and rows in a fresh database. */
export async function loadCrmDatabase(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(DDL);
  for (const [table, rows] of Object.entries(ROWS)) {
    for (const row of rows) {
      const cols = Object.keys(row);
      // jsonb columns take JSON text; arrays elsewhere are PostgreSQL arrays.
      const values = cols.map((c) => (JSON_COLUMNS.has(c) && row[c] !== null ? JSON.stringify(row[c]) : row[c]));
      await client.query(`INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`, values);
    }
  }
  return client;
}

/**
 * A test file's own CRM database: created and loaded before its tests, dropped after them.
 * @example const crm = useCrmDatabase(); … await crm.client.query(sql, params)
 */
export function useCrmDatabase(): { readonly client: pg.Client } {
  let db: { url: string; drop(): Promise<void> } | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    client = await loadCrmDatabase(db.url);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });
  return { get client() { return client!; } };
}
