import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { act, buildApprovalWorld, eventually, submit, type ApprovalWorld } from './approval-world.js';

let server: TestServer;
let w: ApprovalWorld;

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  w = await buildApprovalWorld(server);
});
afterAll(() => server?.stop());

const record = async (id: string) => (await w.admin.get(`/api/records/opportunity/${id}`)).body;

describe('a stage gate (sales: negotiation needs big_discount when the discount is over 20)', () => {
  it('PATCH → 409 naming the approval → submit with targetStage → approve → the record is in negotiation', async () => {
    const d = await w.deal({ stage: 'proposal', amount: 200000, close_date: '2026-12-31', discount: 30 });
    const gate = expectProblem(await w.rep.as.patch(`/api/records/opportunity/${d.id}`, { stage: 'negotiation' }), 409);
    expect(gate).toMatchObject({ approval: 'big_discount' });
    expectProblem(await submit(w.rep.as, { recordId: d.id, targetStage: 'lost' }), 422);
    const submitted = await submit(w.rep.as, { recordId: d.id, targetStage: 'negotiation', comment: 'customer asks 30%' });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ process: 'big_discount', status: 'pending', step: 'manager', targetStage: 'negotiation' });
    expect(submitted.body.tasks).toMatchObject([{ assignee: w.manager.id, status: 'open' }]);
    expect(Date.parse(submitted.body.tasks[0].dueAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
    expect(expectProblem(await w.admin.patch(`/api/records/opportunity/${d.id}`, { stage: 'negotiation' }), 423).errors).toEqual([{ path: '/stage', message: 'is locked by the pending approval big_discount' }]);
    expect((await act(w.manager.as, submitted.body.id, 'approve')).body).toMatchObject({ status: 'approved' });
    expect(await record(d.id)).toMatchObject({ stage: 'negotiation', approval_status: 'approved' });
    const moves = await sql(server.database!.url, `SELECT from_stage, to_stage, by FROM core.stage_history WHERE record_id = $1 ORDER BY id`, [d.id]);
    expect(moves.at(-1)).toEqual({ from_stage: 'proposal', to_stage: 'negotiation', by: w.manager.id });
  });

  it('refuses a targetStage that needs no approval for the record', async () => {
    const d = await w.deal({ stage: 'proposal', amount: 200000, close_date: '2026-12-31', discount: 5 });
    expect(expectProblem(await submit(w.rep.as, { recordId: d.id, targetStage: 'negotiation' }), 422).errors).toEqual([{ path: '/targetStage', message: 'needs no approval for this record' }]);
  });
});

describe('the lock while pending', () => {
  it('423 naming the fields outside lock.editable, 200 for editable ones, 423 on delete; free again once recalled', async () => {
    const d = await w.deal();
    const { body } = await submit(w.rep.as, { recordId: d.id, process: 'deal_review' });
    const locked = expectProblem(await w.admin.patch(`/api/records/opportunity/${d.id}`, { amount: 5, description: 'ok', next_step: 'call' }), 423);
    expect(locked.errors).toEqual([
      { path: '/amount', message: 'is locked by the pending approval deal_review' },
      { path: '/next_step', message: 'is locked by the pending approval deal_review' },
    ]);
    expect(locked).toMatchObject({ approval: 'deal_review', request: body.id });
    const editable = await w.admin.patch(`/api/records/opportunity/${d.id}`, { description: 'terms attached', amount: 1000 });
    expect(editable.status).toBe(200);
    expect(editable.body).toMatchObject({ description: 'terms attached', amount: 1000 });
    expectProblem(await w.admin.del(`/api/records/opportunity/${d.id}`), 423);
    await act(w.rep.as, body.id, 'recall');
    expect((await w.admin.patch(`/api/records/opportunity/${d.id}`, { amount: 5 })).status).toBe(200);
    expect((await w.admin.del(`/api/records/opportunity/${d.id}`)).status).toBe(204);
  });
});

describe('step timeouts', () => {
  it('escalate adds a task for `to` after a short timeout, recorded as an escalate action by no one', async () => {
    const res = await w.admin.put('/api/metadata/approvals/quick_escalation', {
      kind: 'approval', name: 'quick_escalation', object: 'opportunity', allowRecall: true,
      steps: [{ name: 'manager', approvers: { manager: 'owner' }, mode: 'any', timeout: { minutes: 0.05, action: 'escalate', to: { role: 'sales_director' } } }],
      onApproved: { set: { approval_status: 'approved' } },
    });
    expect([200, 201]).toContain(res.status);
    const d = await w.deal();
    const submitted = await submit(w.rep.as, { recordId: d.id, process: 'quick_escalation' });
    const due = Date.parse(submitted.body.tasks[0].dueAt) - Date.parse(submitted.body.submittedAt);
    expect(due).toBeGreaterThanOrEqual(2900);
    expect(due).toBeLessThan(3100);
    const escalated = await eventually(() => w.rep.as.get(`/api/approvals/${submitted.body.id}`), (r) => r.body.tasks.length === 2);
    expect(escalated.body.tasks.map((t: { assignee: string; status: string; escalation: boolean; dueAt: string | null }) => [t.assignee, t.status, t.escalation, t.dueAt]))
      .toEqual([[w.manager.id, 'open', false, null], [w.director.id, 'open', true, null]]);
    expect(escalated.body.actions.at(-1)).toMatchObject({ action: 'escalate', by: null, step: 'manager' });
    expect((await w.director.as.get('/api/approvals?box=inbox&status=pending')).body.data.map((r: { id: string }) => r.id)).toContain(submitted.body.id);
    expect((await act(w.director.as, submitted.body.id, 'approve')).body).toMatchObject({ status: 'approved' });
    expect(await record(d.id)).toMatchObject({ approval_status: 'approved' });
  });
});
