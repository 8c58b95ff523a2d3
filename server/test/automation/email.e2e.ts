import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putAutomation, runs, startLoom, waitFor, type Loom } from './support/loom.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let loom: Loom;
let sink: SMTPServer;
const inbox: Received[] = [];

beforeAll(async () => {
  // a local SMTP sink: accepts everything, keeps the raw messages
  sink = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const port = (sink.server.address() as AddressInfo).port;
  loom = await startLoom({ env: { LOOM_SMTP_URL: `smtp://127.0.0.1:${port}`, LOOM_SMTP_FROM: 'Loom Robot <robot@loom.test>' } });
  await putAutomation(loom.admin, {
    name: 'welcome_mail', trigger: { object: 'widget', event: 'created', where: { email: { $exists: true } } },
    actions: [{ type: 'sendEmail', to: ['{{record.email}}', 'audit@loom.test'], subject: 'Welcome, {{record.name}}', body: 'Hello {{record.name}},\nyour widget {{record.id}} is due {{record.due}}.\nSent by {{user.email}}.' }],
  });
  await putAutomation(loom.admin, {
    name: 'bad_address_mail', trigger: { object: 'widget', event: 'created', where: { name: 'no address' } },
    actions: [{ type: 'sendEmail', to: '{{record.email}}', subject: 'x', body: 'y' }],
  });
});
afterAll(async () => {
  await loom?.server.stop();
  await new Promise<void>((resolve) => sink?.close(() => resolve()));
});

describe('sendEmail', () => {
  it('sends the rendered message through SMTP, once, with a stable Message-ID', async () => {
    const w = (await loom.admin.post('/api/records/widget', { name: 'Ann', email: 'Ann@Example.com', due: '2026-12-24' })).body;
    const run = await waitFor(async () => (await runs(loom.admin, 'welcome_mail')).find((r) => r.recordId === w.id && r.status === 'ok'), 20_000, 'mail run');
    const mail = await waitFor(async () => inbox.find((m) => m.raw.includes(w.id)), 5_000, 'mail in the sink');
    expect(mail.from).toBe('robot@loom.test');
    expect(mail.to.sort()).toEqual(['ann@example.com', 'audit@loom.test']);
    const raw = mail.raw.replace(/=\r?\n/g, '');
    expect(raw).toMatch(/^Subject: Welcome, Ann$/m);
    expect(raw).toContain(`Hello Ann,\r\nyour widget ${w.id} is due 2026-12-24.\r\nSent by ${loom.server.adminEmail}.`);
    expect(raw).toMatch(new RegExp(`^Message-ID: <${run.eventId}\\.welcome_mail\\.0@loom>$`, 'mi'));
    expect(run.actions).toEqual([expect.objectContaining({ type: 'sendEmail', status: 'ok', to: ['ann@example.com', 'audit@loom.test'] })]);
    expect(inbox.filter((m) => m.raw.includes(w.id))).toHaveLength(1);
  });

  it('fails the run without retrying when the rendered address is empty', async () => {
    const w = (await loom.admin.post('/api/records/widget', { name: 'no address' })).body;
    const run = await waitFor(async () => (await runs(loom.admin, 'bad_address_mail')).find((r) => r.recordId === w.id && r.status === 'failed'), 20_000, 'failed mail run');
    expect(run.attempts).toBe(1);
    expect(run.error).toContain('not an email address');
  });
});
