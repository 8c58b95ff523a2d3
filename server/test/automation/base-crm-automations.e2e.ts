import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxDrained, putAutomation, runs, sleep, startLoom, waitFor, type Loom } from './support/loom.js';

// The automations shipped in metadata/crm/automations, plus the approvalDecided trigger.
let loom: Loom;
let me: { id: string };
let account: { id: string };

beforeAll(async () => {
  loom = await startLoom({ createWidget: false });
  me = (await loom.admin.get('/api/auth/me')).body;
  account = (await loom.admin.post('/api/records/account', { name: 'Acme' })).body;
  await putAutomation(loom.admin, {
    name: 'tell_decision', trigger: { object: 'opportunity', event: 'approvalDecided' },
    actions: [{ type: 'notify', user: '{{record.owner}}', message: '{{record.name}}: {{event.data.process}} {{event.data.outcome}}' }],
  });
});
afterAll(() => loom?.server.stop());

describe('base CRM automations', () => {
  it('won_follow_up: a stage change to won creates the order task and sets probability 100, once', async () => {
    const opp = (await loom.admin.post('/api/records/opportunity', { name: 'Big deal', account: account.id })).body;
    expect((await loom.admin.patch(`/api/records/opportunity/${opp.id}`, { stage: 'won' })).status).toBe(200);
    const run = await waitFor(async () => (await runs(loom.admin, 'won_follow_up', 'ok')).find((r) => r.recordId === opp.id), 20_000, 'won_follow_up');
    expect(run.actions.map((a: any) => [a.type, a.status])).toEqual([['createRecord', 'ok'], ['updateRecord', 'ok']]);
    const task = (await loom.admin.get(`/api/records/task/${run.actions[0].recordId}`)).body;
    expect(task).toMatchObject({ subject: 'Prepare the order for Big deal / 为 Big deal 准备订单', owner: me.id, opportunity: opp.id, account: account.id, priority: 'high' });
    expect((await loom.admin.get(`/api/records/opportunity/${opp.id}`)).body.probability).toBe(100);
    await outboxDrained(loom);
    await sleep(500);
    // the pipeline's own record.stageChanged event does not fire it a second time
    expect((await runs(loom.admin, 'won_follow_up')).filter((r) => r.recordId === opp.id)).toHaveLength(1);
  });

  it('a stage change to another stage does not match where { stage: won }', async () => {
    const opp = (await loom.admin.post('/api/records/opportunity', { name: 'Small deal', account: account.id })).body;
    await loom.admin.patch(`/api/records/opportunity/${opp.id}`, { stage: 'qualified' });
    await outboxDrained(loom);
    await sleep(500);
    expect((await runs(loom.admin, 'won_follow_up')).filter((r) => r.recordId === opp.id)).toEqual([]);
  });

  it('big_discount_approval: a large discount starts the approval for the owner\'s manager, once', async () => {
    const boss = (await loom.admin.post('/api/users', { email: 'boss@loom.test', name: 'Boss', password: 'boss-password', roles: ['sales_manager'] })).body;
    const rep = (await loom.admin.post('/api/users', { email: 'rep@loom.test', name: 'Rep', password: 'rep-password', roles: ['sales_rep'], manager: boss.id })).body;
    const opp = (await loom.admin.post('/api/records/opportunity', { name: 'Discounted', account: account.id, owner: rep.id })).body;
    await loom.admin.patch(`/api/records/opportunity/${opp.id}`, { discount: 30 });
    const run = await waitFor(async () => (await runs(loom.admin, 'big_discount_approval', 'ok')).find((r) => r.recordId === opp.id), 20_000, 'big_discount_approval');
    expect(run.actions).toEqual([expect.objectContaining({ type: 'startApproval', status: 'ok', process: 'big_discount' })]);
    const approval = (await loom.admin.get(`/api/approvals/${run.actions[0].approval}`)).body;
    expect(approval).toMatchObject({ status: 'pending', process: 'big_discount' });
    expect(approval.tasks.map((t: { assignee: string }) => t.assignee)).toEqual([boss.id]);
    await loom.admin.patch(`/api/records/opportunity/${opp.id}`, { discount: 31 }).catch(() => undefined);
    await outboxDrained(loom);
    const pending = await loom.db(`SELECT count(*)::int AS n FROM core.approval_request WHERE record_id = $1`, [opp.id]);
    expect(pending).toEqual([{ n: 1 }]);
  });

  it('urgent_ticket_alert: an urgent ticket notifies its owner with the rendered message', async () => {
    const ticket = (await loom.admin.post('/api/records/ticket', { subject: 'Server down', priority: 'urgent' })).body;
    await waitFor(async () => (await runs(loom.admin, 'urgent_ticket_alert', 'ok')).find((r) => r.recordId === ticket.id), 20_000, 'urgent_ticket_alert');
    const note = (await loom.admin.get('/api/notifications')).body.data.find((n: any) => n.recordId === ticket.id);
    expect(note.message).toBe(`Urgent ticket ${ticket.number}: Server down / 紧急工单 ${ticket.number}：Server down`);
  });

  it('approvalDecided fires on the approvals engine\'s approval.decided event, with its payload in the template', async () => {
    const opp = (await loom.admin.post('/api/records/opportunity', { name: 'Reviewed', account: account.id })).body;
    // the event exactly as the approvals engine writes it when a request is decided
    await loom.db(`INSERT INTO core.outbox (type, object, record_id, payload, actor) VALUES ('approval.decided', 'opportunity', $1, $2, $3)`,
      [opp.id, JSON.stringify({ requestId: 'r1', process: 'big_discount', status: 'approved', outcome: 'approved' }), me.id]);
    const run = await waitFor(async () => (await runs(loom.admin, 'tell_decision', 'ok')).find((r) => r.recordId === opp.id), 20_000, 'tell_decision');
    expect(run.event).toBe('approval.decided');
    const note = (await loom.admin.get('/api/notifications')).body.data.find((n: any) => n.recordId === opp.id && n.automation === 'tell_decision');
    expect(note.message).toBe('Reviewed: big_discount approved');
  });
});
