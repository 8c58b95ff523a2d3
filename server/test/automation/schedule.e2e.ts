import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { putAutomation, runs, sleep, startLoom, waitFor, type Loom } from './support/loom.js';

let loom: Loom;
let me: { id: string };

const tick = (from: string, to: string) => loom.admin.post('/api/test-hooks/schedule-tick', { from, to });

beforeAll(async () => {
  loom = await startLoom({ env: { LOOM_SCHEDULE_TICK_MS: '1000' } });
  me = (await loom.admin.get('/api/auth/me')).body;
  await putAutomation(loom.admin, {
    name: 'birthdays', trigger: { schedule: '0 9 * * *', object: 'widget', where: { birthday: { $anniversary: '$today' } } },
    actions: [{ type: 'createRecord', object: 'task', values: { subject: 'Greet {{record.name}}', owner: '{{record.owner}}', due_date: '$today' } }],
  });
  await putAutomation(loom.admin, {
    name: 'leap_day_report', trigger: { schedule: '0 10 29 2 *' },
    actions: [{ type: 'notify', user: '{{user.id}}', message: 'Leap day report for {{event.at}}' }],
  });
  await putAutomation(loom.admin, {
    name: 'due_soon', trigger: { object: 'widget', dateField: 'due', offsetDays: -3, at: '09:00', where: { level: 'high' } },
    actions: [{ type: 'notify', user: '{{record.owner}}', message: '{{record.name}} is due on {{record.due}}' }],
  });
  await putAutomation(loom.admin, {
    name: 'every_minute', trigger: { schedule: '* * * * *' },
    actions: [{ type: 'notify', user: '{{user.id}}', message: 'tick' }],
  });
});
afterAll(() => loom?.server.stop());

describe('schedules', () => {
  it('fires a 5-field UTC cron once per matching record, rendering $today for the scheduled day', async () => {
    const ann = (await loom.admin.post('/api/records/widget', { name: 'Ann', birthday: '1990-03-10' })).body;
    const bob = (await loom.admin.post('/api/records/widget', { name: 'Bob', birthday: '1991-03-11' })).body;
    const res = await tick('2026-03-10T08:59:30Z', '2026-03-10T09:00:30Z');
    expect(res.status).toBe(200);
    expect(res.body.enqueued).toEqual(expect.arrayContaining([{ automation: 'birthdays', at: '2026-03-10T09:00:00.000Z' }]));
    const run = await waitFor(async () => (await runs(loom.admin, 'birthdays', 'ok')).find((r) => r.recordId === ann.id), 20_000, 'birthday run');
    expect(run).toMatchObject({ event: 'schedule', object: 'widget', depth: 0 });
    const task = (await loom.admin.get(`/api/records/task/${run.actions[0].recordId}`)).body;
    expect(task).toMatchObject({ subject: 'Greet Ann', owner: me.id, due_date: '2026-03-10' });
    await sleep(500);
    expect((await runs(loom.admin, 'birthdays')).filter((r) => r.recordId === bob.id)).toEqual([]);
  });

  it('is idempotent per (automation, scheduled minute): a second tick over the same minute adds nothing', async () => {
    await tick('2026-03-10T08:59:00Z', '2026-03-10T09:00:00Z');
    await sleep(1500);
    const all = (await runs(loom.admin, 'birthdays')).filter((r) => r.event === 'schedule');
    expect(all).toHaveLength(1);
    expect(await loom.db(`SELECT count(*)::int AS n FROM data.task WHERE subject = 'Greet Ann'`)).toEqual([{ n: 1 }]);
  });

  it('matches 29 February birthdays on 28 February in other years ($anniversary)', async () => {
    const leap = (await loom.admin.post('/api/records/widget', { name: 'Leapling', birthday: '2000-02-29' })).body;
    await tick('2026-02-28T08:00:00Z', '2026-02-28T09:00:00Z');
    const run = await waitFor(async () => (await runs(loom.admin, 'birthdays', 'ok')).find((r) => r.recordId === leap.id), 20_000, 'leap run');
    expect((await loom.admin.get(`/api/records/task/${run.actions[0].recordId}`)).body.due_date).toBe('2026-02-28');
  });

  it('runs once without a record when the trigger names no object, as the first admin', async () => {
    const res = await tick('2024-02-28T00:00:00Z', '2024-03-01T00:00:00Z');
    expect(res.body.enqueued.filter((o: any) => o.automation === 'leap_day_report')).toEqual([{ automation: 'leap_day_report', at: '2024-02-29T10:00:00.000Z' }]);
    const run = await waitFor(async () => (await runs(loom.admin, 'leap_day_report', 'ok'))[0], 20_000, 'report run');
    expect(run).toMatchObject({ recordId: null, object: null, actions: [{ type: 'notify', status: 'ok', user: me.id }] });
    const notes = (await loom.admin.get('/api/notifications')).body.data.map((n: any) => n.message);
    expect(notes).toContain('Leap day report for 2024-02-29T10:00:00.000Z');
  });

  it('the worker ticker enqueues the next minute as a delayed job', async () => {
    const next = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000).toISOString();
    const job = await waitFor(async () => {
      const res = await loom.admin.get(`/api/jobs/schedule:every_minute:${next}`);
      return res.status === 200 ? res.body : null;
    }, 10_000, 'delayed schedule job');
    expect(job.name).toBe('automation.schedule');
    expect(Math.abs(Date.parse(job.runAt) - Date.parse(next))).toBeLessThan(1000);
    expect(['queued', 'running', 'done']).toContain(job.status);
  });
});

describe('date triggers', () => {
  it('fires N days before the date, at the given time, for records matching where', async () => {
    const soon = (await loom.admin.post('/api/records/widget', { name: 'Soon', due: '2026-04-13', level: 'high' })).body;
    const low = (await loom.admin.post('/api/records/widget', { name: 'Low', due: '2026-04-13', level: 'low' })).body;
    const later = (await loom.admin.post('/api/records/widget', { name: 'Later', due: '2026-04-14', level: 'high' })).body;
    const res = await tick('2026-04-10T08:59:30Z', '2026-04-10T09:00:30Z');
    expect(res.body.enqueued).toEqual(expect.arrayContaining([{ automation: 'due_soon', at: '2026-04-10T09:00:00.000Z' }]));
    const run = await waitFor(async () => (await runs(loom.admin, 'due_soon', 'ok')).find((r) => r.recordId === soon.id), 20_000, 'date run');
    expect(run).toMatchObject({ event: 'date', actions: [{ type: 'notify', status: 'ok' }] });
    await sleep(500);
    const ids = (await runs(loom.admin, 'due_soon')).map((r) => r.recordId);
    expect(ids).not.toContain(low.id);
    expect(ids).not.toContain(later.id);
    const dry = (await loom.admin.post('/api/automations/due_soon/dry-run', { recordId: later.id })).body;
    expect(dry).toMatchObject({ matches: true, firesOn: '2026-04-11' });
  });

  it('the test hook is admin-only and needs a window', async () => {
    expectProblem(await loom.admin.post('/api/test-hooks/schedule-tick', {}), 400);
  });
});
