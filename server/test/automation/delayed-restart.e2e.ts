import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/server.js';
import { putAutomation, runs, startLoom, TEST_REDIS_URL, waitFor } from './support/loom.js';

// A delayed job (the next minute of a schedule) enqueued by one process runs after that process stops,
// in the next one: it lives in core.job or in Redis, not in memory.
describe.each([
  ['postgres', undefined],
  ['redis', TEST_REDIS_URL],
])('delayed jobs across a restart on the %s queue', (_driver, redisUrl) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  it('run when due, in the process that came after', async () => {
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    // a long tick interval: only the test hook enqueues, and the second process adds nothing itself
    const env = { LOOM_SCHEDULE_TICK_MS: '3600000', LOOM_REDIS_PREFIX: `loomdelay_${process.pid}_${Date.now()}` };
    const first = await startLoom({ database, redisUrl, env, createWidget: false });
    cleanup.push(() => first.server.stop());
    await putAutomation(first.admin, { name: 'each_minute', trigger: { schedule: '* * * * *' }, actions: [{ type: 'notify', user: '{{user.id}}', message: 'minute {{event.at}}' }] });
    const now = Date.now();
    const tick = await first.admin.post('/api/test-hooks/schedule-tick', { from: new Date(now).toISOString(), to: new Date(now + 60_000).toISOString() });
    const [occurrence] = tick.body.enqueued;
    expect(Date.parse(occurrence.at)).toBeGreaterThan(now);
    const jobId = `schedule:each_minute:${occurrence.at}`;
    expect((await first.admin.get(`/api/jobs/${jobId}`)).body).toMatchObject({ status: 'queued' });
    await first.server.stop({ keepData: true });
    const restartedAt = Date.now();

    const second = await startLoom({ database, redisUrl, env, createWidget: false });
    cleanup.push(() => second.server.stop());
    const run = await waitFor(async () => (await runs(second.admin, 'each_minute', 'ok'))[0], 90_000, 'the delayed run');
    expect(run.actions[0]).toMatchObject({ type: 'notify', status: 'ok' });
    const job = (await second.admin.get(`/api/jobs/${jobId}`)).body;
    expect(job).toMatchObject({ status: 'done', result: { runs: 1 } });
    expect(Date.parse(job.createdAt)).toBeLessThan(restartedAt); // the job the first process enqueued
    const notes = (await second.admin.get('/api/notifications')).body.data.map((n: { message: string }) => n.message);
    expect(notes).toEqual([`minute ${occurrence.at}`]);
  }, 180_000); // the occurrence is the next minute boundary: up to 60 s away, plus two starts
});
