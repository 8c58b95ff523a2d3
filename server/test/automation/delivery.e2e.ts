import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { outboxDrained, putAutomation, runs, startLoom, TEST_REDIS_URL, waitFor, type Loom } from './support/loom.js';

// The same behaviour on both queue drivers: PostgreSQL (no REDIS_URL) and BullMQ on the machine's Redis.
describe.each([
  ['postgres', undefined],
  ['redis', TEST_REDIS_URL],
])('automations on the %s queue', (driver, redisUrl) => {
  let loom: Loom;
  let me: { id: string };

  beforeAll(async () => {
    loom = await startLoom({ redisUrl });
    me = (await loom.admin.get('/api/auth/me')).body;
    await putAutomation(loom.admin, {
      name: 'notify_new', trigger: { object: 'widget', event: 'created', where: { level: 'high' } },
      actions: [{ type: 'notify', user: '{{record.owner}}', message: 'New widget {{record.name}} by {{user.email}}' }],
    });
    await putAutomation(loom.admin, {
      name: 'stamp_on_counter', trigger: { object: 'widget', event: 'updated', fields: ['counter'] },
      actions: [
        { type: 'updateRecord', values: { note: 'counter is {{record.counter}}', due: '$today' } },
        { type: 'createRecord', object: 'task', values: { subject: 'Check {{record.name}}', owner: '{{record.owner}}', due_date: '$today' } },
      ],
    });
    await putAutomation(loom.admin, {
      name: 'echo_note', trigger: { object: 'widget', event: 'updated', fields: ['note'], where: { name: { $startsWith: 'loop' } } },
      actions: [{ type: 'updateRecord', values: { note: '{{record.note}}+' } }],
    });
    await putAutomation(loom.admin, {
      name: 'switched_off', enabled: false, trigger: { object: 'widget', event: 'created' },
      actions: [{ type: 'notify', user: '{{record.owner}}', message: 'never' }],
    });
  });
  afterAll(() => loom?.server.stop());

  it(`reports the queue as ${driver === 'redis' ? 'ok' : 'inline'} in /api/health`, async () => {
    expect((await loom.admin.get('/api/health')).body.queue).toBe(driver === 'redis' ? 'ok' : 'inline');
  });

  it('runs a created trigger whose condition holds, once, and not one whose condition fails', async () => {
    const high = (await loom.admin.post('/api/records/widget', { name: 'Hi', level: 'high' })).body;
    const low = (await loom.admin.post('/api/records/widget', { name: 'Lo', level: 'low' })).body;
    const run = await waitFor(async () => (await runs(loom.admin, 'notify_new')).find((r) => r.recordId === high.id && r.status === 'ok'), 20_000, 'notify_new run');
    expect(run).toMatchObject({ event: 'record.created', object: 'widget', depth: 0, actions: [{ index: 0, type: 'notify', status: 'ok', user: me.id }] });
    const list = (await loom.admin.get('/api/notifications')).body;
    expect(list.data.filter((n: any) => n.recordId === high.id).map((n: any) => n.message)).toEqual([`New widget Hi by ${loom.server.adminEmail}`]);
    expect(list.unread).toBeGreaterThanOrEqual(1);
    await outboxDrained(loom);
    expect((await runs(loom.admin, 'notify_new')).filter((r) => r.recordId === low.id)).toEqual([]);
  });

  it('writes the event of a write no automation fires on already dispatched; the others wait for the dispatcher', async () => {
    const w = (await loom.admin.post('/api/records/widget', { name: 'Quiet', level: 'low' })).body;
    expect((await loom.admin.patch(`/api/records/widget/${w.id}`, { level: 'high' })).status).toBe(200); // no trigger lists `level`
    await outboxDrained(loom);
    // written in the write's own transaction: the same now() as created_at; the dispatcher marks later
    expect(await loom.db(`SELECT type, dispatched_at = created_at AS "atWrite" FROM core.outbox WHERE record_id = $1 ORDER BY id`, [w.id]))
      .toEqual([{ type: 'record.created', atWrite: false }, { type: 'record.updated', atWrite: true }]);
  });

  it('delivers an event once per automation when the outbox hands it over again', async () => {
    const w = (await loom.admin.post('/api/records/widget', { name: 'Twice', level: 'high' })).body;
    await waitFor(async () => (await runs(loom.admin, 'notify_new', 'ok')).some((r) => r.recordId === w.id));
    const [event] = await loom.db(`SELECT event_id FROM core.outbox WHERE record_id = $1 AND type = 'record.created'`, [w.id]);
    // a redelivery: the dispatcher sees the same event again (as after a crash before it marked it)
    await loom.db(`UPDATE core.outbox SET dispatched_at = NULL WHERE record_id = $1`, [w.id]);
    await outboxDrained(loom);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await runs(loom.admin, 'notify_new')).filter((r) => r.recordId === w.id)).toHaveLength(1);
    expect(await loom.db(`SELECT count(*)::int AS n FROM core.notification WHERE record_id = $1`, [w.id])).toEqual([{ n: 1 }]);
    const job = await loom.admin.get(`/api/jobs/${event.event_id}:notify_new`);
    expect(job.status).toBe(200);
    expect(job.body).toMatchObject({ id: `${event.event_id}:notify_new`, name: 'automation.run', status: 'done', progress: { done: 1, total: 1 } });
  });

  it('fires an updated trigger only when a listed field changes; its writes carry depth 1 and templates render', async () => {
    const w = (await loom.admin.post('/api/records/widget', { name: 'Counter', counter: 1 })).body;
    await loom.admin.patch(`/api/records/widget/${w.id}`, { name: 'Counter renamed' });
    await outboxDrained(loom);
    await new Promise((r) => setTimeout(r, 500));
    expect((await runs(loom.admin, 'stamp_on_counter')).filter((r) => r.recordId === w.id)).toEqual([]);
    await loom.admin.patch(`/api/records/widget/${w.id}`, { counter: 2 });
    const run = await waitFor(async () => (await runs(loom.admin, 'stamp_on_counter', 'ok')).find((r) => r.recordId === w.id));
    expect(run.actions.map((a: any) => [a.type, a.status])).toEqual([['updateRecord', 'ok'], ['createRecord', 'ok']]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await loom.admin.get(`/api/records/widget/${w.id}`)).body).toMatchObject({ note: 'counter is 2', due: today });
    const task = (await loom.admin.get(`/api/records/task/${run.actions[1].recordId}`)).body;
    expect(task).toMatchObject({ subject: 'Check Counter renamed', owner: me.id, due_date: today });
    const depths = await loom.db(`SELECT type, object, depth FROM core.outbox WHERE record_id = ANY($1) ORDER BY id`, [[w.id, task.id]]);
    expect(depths.filter((d) => d.depth === 1).map((d) => `${d.type} ${d.object}`)).toEqual(['record.updated widget', 'record.created task']);
  });

  it('stops a chain deeper than 5 and logs it as a loop', async () => {
    const w = (await loom.admin.post('/api/records/widget', { name: 'loop one' })).body;
    await loom.admin.patch(`/api/records/widget/${w.id}`, { note: 'n' });
    const loopRun = await waitFor(async () => (await runs(loom.admin, 'echo_note', 'loop')).find((r) => r.recordId === w.id), 30_000, 'loop run');
    expect(loopRun).toMatchObject({ depth: 5, actions: [] });
    expect(loopRun.error).toMatch(/6 automation steps deep \(at most 5\)/);
    expect((await runs(loom.admin, 'echo_note', 'ok')).filter((r) => r.recordId === w.id)).toHaveLength(5);
    expect((await loom.admin.get(`/api/records/widget/${w.id}`)).body.note).toBe('n+++++');
  });

  it('never runs a disabled automation', async () => {
    await loom.admin.post('/api/records/widget', { name: 'quiet' });
    await outboxDrained(loom);
    await new Promise((r) => setTimeout(r, 500));
    expect(await runs(loom.admin, 'switched_off')).toEqual([]);
  });

  it('dry-run renders the actions for a record, checks the writes and reports the loop, without side effects', async () => {
    const w = (await loom.admin.post('/api/records/widget', { name: 'loop dry', counter: 7, note: 'x' })).body;
    await outboxDrained(loom);
    const before = await loom.db(`SELECT (SELECT count(*) FROM core.outbox)::int AS o, (SELECT count(*) FROM core.automation_run)::int AS r, (SELECT count(*) FROM data.task)::int AS t`);
    const res = await loom.admin.post('/api/automations/stamp_on_counter/dry-run', { recordId: w.id });
    expect(res.status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(res.body).toMatchObject({
      automation: 'stamp_on_counter', enabled: true, matches: true, loop: null,
      actions: [
        { index: 0, type: 'updateRecord', object: 'widget', recordId: w.id, values: { note: 'counter is 7', due: today } },
        { index: 1, type: 'createRecord', object: 'task', values: { subject: 'Check loop dry', owner: me.id, due_date: today } },
      ],
    });
    expect(res.body.actions[0].problems).toBeUndefined();
    const looping = (await loom.admin.post('/api/automations/echo_note/dry-run', { recordId: w.id })).body;
    expect(looping.loop.chain).toEqual(['echo_note', 'echo_note']);
    expect(looping.actions[0].values).toEqual({ note: 'x+' });
    const notMatching = (await loom.admin.post('/api/automations/notify_new/dry-run', { recordId: w.id })).body;
    expect(notMatching.matches).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(await loom.db(`SELECT (SELECT count(*) FROM core.outbox)::int AS o, (SELECT count(*) FROM core.automation_run)::int AS r, (SELECT count(*) FROM data.task)::int AS t`)).toEqual(before);
    expect((await loom.admin.get(`/api/records/widget/${w.id}`)).body.note).toBe('x');
  });

  it('dry-run answers 404 for an unknown automation or record and 400 without a record id', async () => {
    expectProblem(await loom.admin.post('/api/automations/nope/dry-run', { recordId: '00000000-0000-4000-8000-000000000000' }), 404);
    expectProblem(await loom.admin.post('/api/automations/notify_new/dry-run', { recordId: '00000000-0000-4000-8000-000000000000' }), 404);
    expectProblem(await loom.admin.post('/api/automations/notify_new/dry-run', {}), 400);
  });

  it('a run that fails for good is a dead job; fixed and retried by an admin, it resumes and completes', async () => {
    await putAutomation(loom.admin, {
      name: 'make_task', trigger: { object: 'widget', event: 'created', where: { name: 'needs task' } },
      actions: [
        { type: 'notify', user: '{{record.owner}}', message: 'step one' },
        { type: 'createRecord', object: 'task', values: { owner: '{{record.owner}}' } },
      ],
    });
    const w = (await loom.admin.post('/api/records/widget', { name: 'needs task' })).body;
    const failed = await waitFor(async () => (await runs(loom.admin, 'make_task', 'failed')).find((r) => r.recordId === w.id), 20_000, 'failed run');
    expect(failed.actions.map((a: any) => [a.type, a.status])).toEqual([['notify', 'ok'], ['createRecord', 'failed']]);
    expect(failed.actions[1].problem.errors.map((e: any) => e.path)).toContain('/subject');
    const jobId = `${failed.eventId}:make_task`;
    const dead = await waitFor(async () => (await loom.admin.get('/api/jobs?status=dead')).body.data.find((j: any) => j.id === jobId), 10_000, 'dead job');
    expect(dead).toMatchObject({ status: 'failed', state: 'dead' });
    expectProblem(await loom.admin.post(`/api/jobs/${encodeURIComponent(`${w.id}:nope`)}/retry`), 404);

    await putAutomation(loom.admin, {
      name: 'make_task', trigger: { object: 'widget', event: 'created', where: { name: 'needs task' } },
      actions: [
        { type: 'notify', user: '{{record.owner}}', message: 'step one' },
        { type: 'createRecord', object: 'task', values: { subject: 'Follow {{record.name}}', owner: '{{record.owner}}' } },
      ],
    });
    const retried = await loom.admin.post(`/api/jobs/${jobId}/retry`);
    expect(retried.status).toBe(200);
    const ok = await waitFor(async () => (await runs(loom.admin, 'make_task', 'ok')).find((r) => r.recordId === w.id), 20_000, 'resumed run');
    expect(ok.actions.map((a: any) => [a.type, a.status])).toEqual([['notify', 'ok'], ['createRecord', 'ok']]);
    expect(ok.attempts).toBeGreaterThanOrEqual(2);
    // the notify step ran once, before the failure; the retry resumed after it
    expect(await loom.db(`SELECT count(*)::int AS n FROM core.notification WHERE record_id = $1 AND automation = 'make_task'`, [w.id])).toEqual([{ n: 1 }]);
    expectProblem(await loom.admin.post(`/api/jobs/${jobId}/retry`), 409);
  });

  it('keeps jobs and the run log to admins; a user reads only their own jobs', async () => {
    const user = await loom.admin.post('/api/users', { email: 'rep@loom.test', name: 'Rep', password: 'rep-password-1', roles: ['sales_rep'] });
    expect(user.status).toBe(201);
    const { login } = await import('../support/client.js');
    const rep = await login(loom.server.url, 'rep@loom.test', 'rep-password-1');
    expectProblem(await rep.get('/api/jobs?status=dead'), 403);
    expectProblem(await rep.get('/api/automations/runs'), 403);
    const [anyJob] = await loom.db(`SELECT event_id FROM core.automation_run LIMIT 1`);
    expectProblem(await rep.get(`/api/jobs/${anyJob.event_id}:notify_new`), 404);
    expect((await rep.get('/api/notifications')).body).toEqual({ data: [], unread: 0 });
  });

  it('marks a notification read', async () => {
    const list = (await loom.admin.get('/api/notifications?unread=true')).body;
    const first = list.data[0];
    const read = await loom.admin.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    expect((await loom.admin.get('/api/notifications')).body.unread).toBe(list.unread - 1);
    expectProblem(await loom.admin.post('/api/notifications/00000000-0000-4000-8000-000000000000/read'), 404);
  });
});
