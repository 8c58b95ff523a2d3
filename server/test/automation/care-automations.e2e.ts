import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runs, startLoom, waitFor, type Loom } from './support/loom.js';

// The customer-care automations of the base CRM (seeds: 客户关怀): revisit, new-lead follow-up, renewal, holiday greetings.
let loom: Loom;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  loom = await startLoom({ createWidget: false });
});
afterAll(() => loom?.server.stop());

const tick = (from: string, to: string) => loom.admin.post('/api/test-hooks/schedule-tick', { from, to });

describe('customer care automations', () => {
  it('renewal_reminder: a task 30 days before the contract ends', async () => {
    // the tick below runs the last 09:00 (UTC) occurrence before now: today's from 09:00 on, yesterday's before
    const now = Date.now();
    const occurrence = new Date(now).getUTCHours() >= 9 ? 0 : -1;
    const ends = day(occurrence + 30);
    const account = (await loom.admin.post('/api/records/account', { name: 'Renewing Co', contract_end_date: ends })).body;
    expect((await tick(new Date(now - 86_400_000).toISOString(), new Date(now + 86_400_000).toISOString())).status).toBe(200);
    const run = await waitFor(async () => (await runs(loom.admin, 'renewal_reminder', 'ok')).find((r) => r.recordId === account.id), 30_000, 'renewal_reminder');
    const task = (await loom.admin.get(`/api/records/task/${run.actions[0].recordId}`)).body;
    expect(task).toMatchObject({ account: account.id, priority: 'high' });
    expect(task.subject).toContain(`Renewing Co ends on ${ends}`);
  });

  it('lead_follow_up: a lead still new after 2 days gets a follow-up task, a contacted one does not', async () => {
    const fresh = (await loom.admin.post('/api/records/lead', { name: 'Li Lei', company: '星辰科技' })).body;
    expect(fresh.received_at).toBeTruthy();
    const contacted = (await loom.admin.post('/api/records/lead', { name: 'Han Meimei', company: 'Acme' })).body;
    // received three days ago; yesterday's 00:00 occurrence is the one two days after it (today's already ran above)
    await loom.db(`UPDATE data.lead SET received_at = now() - interval '3 days' WHERE id = ANY($1::uuid[])`, [[fresh.id, contacted.id]]);
    await loom.db(`UPDATE data.lead SET last_contacted_at = now() WHERE id = $1`, [contacted.id]);
    const now = Date.now();
    await tick(new Date(now - 2 * 86_400_000).toISOString(), new Date(now - 86_400_000).toISOString());
    const run = await waitFor(async () => (await runs(loom.admin, 'lead_follow_up')).find((r) => r.recordId === fresh.id), 30_000, 'lead_follow_up');
    expect(run).toMatchObject({ status: 'ok' });
    const task = (await loom.admin.get(`/api/records/task/${run.actions[0].recordId}`)).body;
    expect(task).toMatchObject({ priority: 'high' });
    expect(task.subject).toContain('Li Lei');
    expect((await runs(loom.admin, 'lead_follow_up')).filter((r) => r.recordId === contacted.id)).toEqual([]);
  });
});
