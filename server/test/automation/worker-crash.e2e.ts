import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/server.js';
import { putAutomation, runs, startLoom, TEST_REDIS_URL, waitFor, type Loom } from './support/loom.js';
import { startReceiver } from './support/webhook-receiver.js';

// A worker killed (SIGKILL) in the middle of a run: another process on the same database picks the job
// up once its lease runs out, resumes after the actions already checkpointed, and each effect happens once.
describe.each([
  ['postgres', undefined],
  ['redis', TEST_REDIS_URL],
])('a worker killed mid-job on the %s queue', (_driver, redisUrl) => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  });

  it('is retried, and the effect is applied once', async () => {
    const receiver = await startReceiver({ slowMs: 120_000 });
    cleanup.push(() => receiver.close());
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const env = { LOOM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1', LOOM_REDIS_PREFIX: `loomcrash_${process.pid}_${Date.now()}` };

    const first: Loom = await startLoom({ redisUrl, database, env });
    cleanup.push(() => first.server.stop());
    await putAutomation(first.admin, {
      name: 'task_then_hook', trigger: { object: 'widget', event: 'created' },
      actions: [
        { type: 'createRecord', object: 'task', values: { subject: 'Follow up {{record.name}}', owner: '{{record.owner}}' } },
        { type: 'webhook', url: `${receiver.url}/slow`, secret: 'crash-test-secret-000' },
      ],
    });
    const w = (await first.admin.post('/api/records/widget', { name: 'Crash' })).body;
    // the first action is done and the webhook is waiting on the receiver: kill the worker now
    await waitFor(async () => receiver.deliveries.some((d) => d.body.includes(w.id)), 20_000, 'first delivery attempt');
    first.child.kill('SIGKILL');
    await first.server.exited;
    const [mid] = await first.db(`SELECT status, actions FROM core.automation_run WHERE automation = 'task_then_hook' AND record_id = $1`, [w.id]);
    expect(mid.status).toBe('running');
    expect(mid.actions.map((a: any) => a.type)).toEqual(['createRecord']);

    receiver.setSlow(0);
    const second: Loom = await startLoom({ redisUrl, database, env, createWidget: false });
    cleanup.push(() => second.server.stop());
    const run = await waitFor(async () => (await runs(second.admin, 'task_then_hook', 'ok')).find((r) => r.recordId === w.id), 45_000, 'resumed run');
    expect(run.attempts).toBe(2);
    expect(run.actions.map((a: any) => [a.type, a.status])).toEqual([['createRecord', 'ok'], ['webhook', 'ok']]);
    expect(await second.db(`SELECT count(*)::int AS n FROM data.task WHERE subject = 'Follow up Crash'`)).toEqual([{ n: 1 }]);
    const deliveries = receiver.deliveries.filter((d) => d.body.includes(w.id));
    expect(deliveries).toHaveLength(2);
    expect(new Set(deliveries.map((d) => d.headers['x-loom-event-id']))).toEqual(new Set([run.eventId]));
  });
});
