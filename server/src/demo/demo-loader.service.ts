import { Injectable } from '@nestjs/common';
import { randomPassword } from '../auth/password.js';
import { Db, type Tx } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { quoteIdent as q } from '../query/index.js';
import { RecordValidators } from '../records/validation/record-validator.js';
import { ensureDemoUsers } from './demo-users.js';
import { DemoWriter } from './demo-writer.js';
import { FULL_SIZES, type DemoSizes } from './generate/demo-types.js';
import { DEMO_OBJECTS, generateDemoData, type DemoObject } from './generate/generate-demo-data.js';
import { SeededRandom } from './seeded-random.js';

export interface DemoOptions {
  seed?: number;
  /** 1 = the full set (2k accounts, 10k contacts, 5k deals, …); 0.01 for a quick look. */
  scale?: number;
  /** Password of the demo users (default: random, reported once). */
  password?: string;
  report: (line: string) => void;
}

export type DemoOutcome =
  | { loaded: true; counts: Record<DemoObject | 'stage_history', number>; seconds: number; usersCreated: number; password: string | null }
  | { loaded: false; reason: string };

export const DEFAULT_SEED = 20_261_130;
// pg_advisory_xact_lock key: two nodes started with LOOM_DEMO=1 load once
const LOCK_KEY = 0x10_0d_de_70;

/**
 * Loads the bilingual demo data set in ONE transaction (all or nothing, so a failed load leaves
 * nothing behind): refuses when any demo object already has records, then creates the demo users,
 * generates the records (deterministic for a seed), checks every one with the one validator and
 * writes them through DemoWriter with their history.
 */
@Injectable()
export class DemoLoader {
  constructor(private readonly db: Db, private readonly registry: MetadataRegistry) {}

  load(options: DemoOptions): Promise<DemoOutcome> {
    const started = Date.now();
    return this.db.tx(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [LOCK_KEY]);
      const busy = await this.objectsWithData(tx);
      if (busy.length) return { loaded: false, reason: `the CRM already has records (${busy.join(', ')}); demo data is only loaded into an empty CRM` };
      const password = options.password ?? randomPassword();
      const { owners, created } = await ensureDemoUsers(tx, password);
      const data = generateDemoData({ rng: new SeededRandom(options.seed ?? DEFAULT_SEED), now: new Date(), owners, sizes: scaled(options.scale ?? 1) });
      const rev = this.registry.current();
      const validators = new RecordValidators().forRevision(rev.number, rev.set);
      const writer = new DemoWriter(tx);
      const counts = { stage_history: data.stageMoves.length } as Record<DemoObject | 'stage_history', number>;
      for (const object of DEMO_OBJECTS) {
        const rows = data.rows[object];
        const values = rows.map((row, i) => {
          const result = validators.validate(object, 'create', row.values, { now: row.createdAt });
          if (!result.ok) throw new Error(`demo ${object} #${i} is not valid for the current metadata: ${JSON.stringify(result.errors)}`);
          return result.values;
        });
        const t0 = Date.now();
        await writer.insertRecords(rev.set.objects[object]!, rows, values, () => {});
        counts[object] = rows.length;
        options.report(`${object.padEnd(12)} ${String(rows.length).padStart(6)} records in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      await writer.insertStageMoves('opportunity', 'sales', data.stageMoves);
      options.report(`stage moves  ${String(data.stageMoves.length).padStart(6)} over the last 12 months`);
      // fresh statistics, so the first analytics queries do not plan for empty tables
      for (const table of [...DEMO_OBJECTS.map((o) => `${q('data')}.${q(o)}`), 'core.stage_history', 'core.record_history']) await tx.query(`ANALYZE ${table}`);
      return { loaded: true, counts, seconds: (Date.now() - started) / 1000, usersCreated: created, password: created && !options.password ? password : null };
    });
  }

  /** The demo objects that already hold records (deleted ones count: the data is not empty). */
  private async objectsWithData(tx: Tx): Promise<string[]> {
    const set = this.registry.current().set;
    const missing = DEMO_OBJECTS.filter((o) => !set.objects[o] || set.objects[o]!.archived);
    if (missing.length) throw new Error(`demo data needs the base CRM objects; missing: ${missing.join(', ')}`);
    const busy: string[] = [];
    for (const object of DEMO_OBJECTS) {
      const [row] = await tx.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${q('data')}.${q(object)}) AS found`);
      if (row!.found) busy.push(object);
    }
    return busy;
  }
}

function scaled(scale: number): DemoSizes {
  const n = (x: number, min: number) => Math.max(min, Math.round(x * scale));
  return { accounts: n(FULL_SIZES.accounts, 5), contacts: n(FULL_SIZES.contacts, 10), opportunities: n(FULL_SIZES.opportunities, 10), campaigns: n(FULL_SIZES.campaigns, 3), tickets: n(FULL_SIZES.tickets, 3) };
}
