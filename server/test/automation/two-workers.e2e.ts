import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/server.js';
import { putAutomation, runs, startLoom, TEST_REDIS_URL, waitFor, type Loom } from './support/loom.js';

// Two processes on one database and one PostgreSQL queue: both dispatch the outbox and claim jobs.
describe.each([
  ['postgres', undefined],
  ['redis', TEST_REDIS_URL],
])('two workers sharing the %s queue', (_driver, redisUrl) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: Loom;
  let b: Loom;

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = { LOOM_REDIS_PREFIX: `loomtwo_${process.pid}_${Date.now()}` };
    a = await startLoom({ database, redisUrl, env });
    b = await startLoom({ database, redisUrl, env, createWidget: false });
    await putAutomation(a.admin, {
      name: 'count_me', trigger: { object: 'widget', event: 'created' },
      actions: [{ type: 'notify', user: '{{record.owner}}', message: '{{record.name}}' }, { type: 'updateRecord', values: { note: 'seen' } }],
    });
    await waitFor(async () => (await b.admin.get('/api/metadata/automations/count_me')).status === 200, 10_000, 'metadata on b');
  });
  afterAll(async () => {
    await a?.server.stop();
    await b?.server.stop();
    await database?.drop();
  });

  it('run every event once: no job claimed twice, no effect doubled', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await (i % 2 ? a : b).admin.post('/api/records/widget', { name: `w${i}` })).body.id);
    const done = await waitFor(async () => {
      const list = (await runs(a.admin, 'count_me', 'ok')).filter((r) => ids.includes(r.recordId));
      return list.length === 30 ? list : null;
    }, 45_000, '30 runs');
    expect(done.every((r: any) => r.attempts === 1)).toBe(true);
    expect(await a.db(`SELECT count(*)::int AS n FROM core.notification WHERE record_id = ANY($1)`, [ids])).toEqual([{ n: 30 }]);
    expect(await a.db(`SELECT count(*)::int AS n FROM core.record_history WHERE record_id = ANY($1) AND action = 'update'`, [ids])).toEqual([{ n: 30 }]);
  });
});
