import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAutomation, runs, startLoom, waitFor, type Loom } from './support/loom.js';
import { startReceiver } from './support/webhook-receiver.js';

let loom: Loom;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const SECRET = 'receiver-secret-0123456789';

const verify = (secret: string, ts: string, body: string, signature: string) =>
  signature === `sha256=${createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex')}`;

beforeAll(async () => {
  receiver = await startReceiver();
  loom = await startLoom({ env: { LOOM_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
  const hook = (name: string, when: string, action: Record<string, unknown>) => putAutomation(loom.admin, {
    name, trigger: { object: 'widget', event: 'created', where: { name: when } }, actions: [{ type: 'webhook', ...action }],
  });
  await hook('hook_signed', 'signed', { url: `${receiver.url}/ok`, secret: SECRET, headers: { 'X-Team': 'sales {{record.name}}' } });
  await hook('hook_generated', 'generated', { url: `${receiver.url}/ok`, body: { note: '{{record.note}}' } });
  await hook('hook_flaky', 'flaky', { url: `${receiver.url}/flaky`, secret: SECRET });
  await hook('hook_metadata', 'metadata', { url: 'http://169.254.169.254/latest/meta-data/', secret: SECRET });
  await hook('hook_private', 'private', { url: 'http://10.0.0.1/hook', secret: SECRET });
  await hook('hook_redirect_private', 'redirect private', { url: `${receiver.url}/redirect-private`, secret: SECRET });
  await hook('hook_redirect_ok', 'redirect ok', { url: `${receiver.url}/redirect-ok`, secret: SECRET });
  await hook('hook_big', 'big', { url: `${receiver.url}/big`, secret: SECRET });
});
afterAll(async () => {
  await loom?.server.stop();
  await receiver?.close();
});

const create = async (name: string, extra: Record<string, unknown> = {}) => (await loom.admin.post('/api/records/widget', { name, ...extra })).body;
const finished = (automation: string, recordId: string) =>
  waitFor(async () => (await runs(loom.admin, automation)).find((r) => r.recordId === recordId && r.status !== 'running'), 20_000, `${automation} run`);

describe('webhook delivery', () => {
  it('arrives as the contract says, signed with the action secret, and the signature verifies', async () => {
    const w = await create('signed', { note: 'hello' });
    const run = await finished('hook_signed', w.id);
    expect(run).toMatchObject({ status: 'ok', actions: [{ type: 'webhook', status: 'ok', httpStatus: 200, redirects: 0 }] });
    const d = receiver.deliveries.find((x) => x.body.includes(w.id))!;
    expect(d.method).toBe('POST');
    expect(d.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(d.headers['x-team']).toBe('sales signed');
    const body = JSON.parse(d.body);
    expect(body).toEqual({ event: 'record.created', eventId: run.eventId, object: 'widget', record: expect.objectContaining({ id: w.id, name: 'signed', note: 'hello' }), automation: 'hook_signed' });
    expect(d.headers['x-loom-event-id']).toBe(run.eventId);
    const ts = String(d.headers['x-loom-timestamp']);
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(120);
    expect(verify(SECRET, ts, d.body, String(d.headers['x-loom-signature']))).toBe(true);
    expect(verify('another-secret-0000000', ts, d.body, String(d.headers['x-loom-signature']))).toBe(false);
  });

  it('without an action secret, signs with the automation secret (shown to admins) and adds the rendered body as data', async () => {
    const w = await create('generated', { note: 'n1' });
    await finished('hook_generated', w.id);
    const d = receiver.deliveries.find((x) => x.body.includes(w.id))!;
    const { secret } = (await loom.admin.get('/api/automations/hook_generated/webhook-secret')).body;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(verify(secret, String(d.headers['x-loom-timestamp']), d.body, String(d.headers['x-loom-signature']))).toBe(true);
    expect(JSON.parse(d.body).data).toEqual({ note: 'n1' });
    expect((await loom.admin.get('/api/automations/hook_generated/webhook-secret')).body.secret).toBe(secret);
  });

  it('retries a failing receiver with backoff; every attempt carries the same event id', async () => {
    const w = await create('flaky');
    const run = await finished('hook_flaky', w.id);
    expect(run).toMatchObject({ status: 'ok', attempts: 3 });
    const attempts = receiver.deliveries.filter((x) => x.path === '/flaky' && x.body.includes(w.id));
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.headers['x-loom-event-id']))).toEqual(new Set([run.eventId]));
  });

  it('follows a redirect to an allowed host, re-checked', async () => {
    const w = await create('redirect ok');
    expect(await finished('hook_redirect_ok', w.id)).toMatchObject({ status: 'ok', actions: [{ status: 'ok', redirects: 1, url: `${receiver.url}/ok` }] });
    expect(receiver.deliveries.filter((x) => x.body.includes(w.id)).map((x) => x.path)).toEqual(['/redirect-ok', '/ok']);
  });

  it('keeps at most 1 MiB of an answer and still succeeds', async () => {
    const w = await create('big');
    expect(await finished('hook_big', w.id)).toMatchObject({ status: 'ok', actions: [{ status: 'ok', httpStatus: 200 }] });
  });
});

describe('SSRF guard', () => {
  it.each([
    ['hook_metadata', 'metadata', '169.254.169.254', 'link-local'],
    ['hook_private', 'private', '10.0.0.1', 'private'],
  ])('%s: refuses %s before connecting and says so in the run log, without retrying', async (automation, name, address, kind) => {
    const w = await create(name);
    const run = await finished(automation, w.id);
    expect(run.status).toBe('failed');
    expect(run.attempts).toBe(1);
    expect(run.actions).toEqual([expect.objectContaining({ type: 'webhook', status: 'refused' })]);
    expect(run.actions[0].error).toContain(`refused: ${address}: a ${kind} address is not allowed`);
    expect(run.error).toContain('refused');
  });

  it('refuses a redirect to a private address: the first hop is delivered, the second never attempted', async () => {
    const w = await create('redirect private');
    const run = await finished('hook_redirect_private', w.id);
    expect(run).toMatchObject({ status: 'failed', actions: [{ status: 'refused' }] });
    expect(run.actions[0].error).toContain('10.0.0.1: a private address is not allowed');
    expect(receiver.deliveries.filter((x) => x.body.includes(w.id)).map((x) => x.path)).toEqual(['/redirect-private']);
  });

  it('dry-run shows the destination verdict without sending', async () => {
    const w = await create('dry');
    const before = receiver.deliveries.length;
    const metadata = (await loom.admin.post('/api/automations/hook_metadata/dry-run', { recordId: w.id })).body;
    expect(metadata.actions[0].destination).toContain('refused: 169.254.169.254: a link-local address is not allowed');
    const signed = (await loom.admin.post('/api/automations/hook_signed/dry-run', { recordId: w.id })).body;
    expect(signed.actions[0]).toMatchObject({ destination: 'allowed', url: `${receiver.url}/ok`, signed: 'with the action secret' });
    expect(JSON.stringify(signed)).not.toContain(SECRET);
    expect(signed.actions[0].body).toMatchObject({ event: 'record.created', object: 'widget', automation: 'hook_signed', record: { id: w.id } });
    expect(receiver.deliveries.length).toBe(before);
  });
});
