import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAutomation, startLoom, waitFor, type Loom } from '../automation/support/loom.js';
import { importFile } from './import-client.js';

// Imported rows go in many per statement (multi-row-insert.ts); each still gets its record.created
// outbox event, and automations triggered by record creation run for every imported record.
let loom: Loom;
beforeAll(async () => {
  loom = await startLoom();
});
afterAll(() => loom?.server.stop());

const csv = (prefix: string, n: number) => `name,counter\n${Array.from({ length: n }, (_, i) => `${prefix} ${i},${i}`).join('\n')}\n`;
const events = (prefix: string) => loom.db<{ n: number; pending: number }>(
  `SELECT count(*)::int AS n, count(*) FILTER (WHERE o.dispatched_at IS NULL)::int AS pending
     FROM core.outbox o JOIN data.widget w ON w.id = o.record_id WHERE o.type = 'record.created' AND w.name LIKE $1`, [`${prefix} %`]);

describe('imported records and their events', () => {
  it('writes one record.created event per imported record, already dispatched when no automation listens', async () => {
    const job = await importFile(loom.server.url, loom.admin, 'widget', csv('Quiet', 7), 'quiet.csv');
    expect(job.result).toMatchObject({ created: 7, errors: [] });
    expect(await events('Quiet')).toEqual([{ n: 7, pending: 0 }]);
  });

  it('runs an automation on record creation for every imported record', async () => {
    await putAutomation(loom.admin, {
      name: 'mark_new_widgets', trigger: { object: 'widget', event: 'created' }, actions: [{ type: 'updateRecord', values: { note: 'seen {{record.counter}}' } }],
    });
    const job = await importFile(loom.server.url, loom.admin, 'widget', csv('Loud', 5), 'loud.csv');
    expect(job.result).toMatchObject({ created: 5, errors: [] });
    const notes = await waitFor(async () => {
      const rows = await loom.db<{ note: string | null }>(`SELECT note FROM data.widget WHERE name LIKE 'Loud %' ORDER BY counter`);
      return rows.every((r) => r.note) ? rows.map((r) => r.note) : null;
    }, 30_000, 'automation runs for imported widgets');
    expect(notes).toEqual(['seen 0', 'seen 1', 'seen 2', 'seen 3', 'seen 4']);
    expect((await events('Loud'))[0]!.n).toBe(5);
    expect(await loom.db(`SELECT note FROM data.widget WHERE name LIKE 'Quiet %' AND note IS NOT NULL`)).toEqual([]);
  });
});
