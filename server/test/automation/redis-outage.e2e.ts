import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateRedis } from './support/private-redis.js';
import { putAutomation, runs, sleep, startLoom, waitFor, type Loom } from './support/loom.js';

let loom: Loom;
let redis: Awaited<ReturnType<typeof privateRedis>>;

beforeAll(async () => {
  redis = await privateRedis(); // nothing listens on its port yet
  loom = await startLoom({ redisUrl: redis.url });
  await putAutomation(loom.admin, {
    name: 'greet_widget', trigger: { object: 'widget', event: 'created' },
    actions: [{ type: 'notify', user: '{{record.owner}}', message: 'Hello {{record.name}}' }],
  });
});
afterAll(async () => {
  await loom?.server.stop();
  await redis?.stop();
});

describe('Redis unavailable', () => {
  it('keeps serving reads and writes; health says the queue is down', async () => {
    const health = await loom.admin.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', db: 'ok', queue: 'down' });
  });

  it('writes succeed while Redis is away, and their events are delivered once it is back', async () => {
    const ids: string[] = [];
    for (const name of ['one', 'two', 'three']) {
      const res = await loom.admin.post('/api/records/widget', { name });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    expect((await loom.admin.patch(`/api/records/widget/${ids[0]}`, { note: 'edited' })).status).toBe(200);
    await sleep(1500);
    expect(await runs(loom.admin, 'greet_widget')).toEqual([]);
    // the three creates wait for the queue; the edit fires no automation, so its event was written already dispatched
    const pending = await loom.db(`SELECT type, count(*)::int AS n, count(*) FILTER (WHERE dispatched_at IS NULL)::int AS pending FROM core.outbox WHERE record_id = ANY($1) GROUP BY type ORDER BY type`, [ids]);
    expect(pending).toEqual([{ type: 'record.created', n: 3, pending: 3 }, { type: 'record.updated', n: 1, pending: 0 }]);

    await redis.start();
    const done = await waitFor(async () => {
      const list = (await runs(loom.admin, 'greet_widget', 'ok')).filter((r) => ids.includes(r.recordId));
      return list.length === 3 ? list : null;
    }, 30_000, 'runs after Redis came back');
    expect(new Set(done.map((r: any) => r.recordId))).toEqual(new Set(ids));
    await sleep(1000);
    expect(await loom.db(`SELECT count(*)::int AS n FROM core.notification WHERE record_id = ANY($1)`, [ids])).toEqual([{ n: 3 }]);
    expect((await loom.admin.get('/api/health')).body.queue).toBe('ok');
  });
});
