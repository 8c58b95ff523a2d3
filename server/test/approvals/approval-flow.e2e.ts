import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/client.js';
import { sql } from '../support/pg.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { act, buildApprovalWorld, submit, type ApprovalWorld } from './approval-world.js';

let server: TestServer;
let w: ApprovalWorld;

beforeAll(async () => {
  server = await startTestServer({ embedded: false });
  w = await buildApprovalWorld(server);
});
afterAll(() => server?.stop());

const record = async (id: string) => (await w.admin.get(`/api/records/opportunity/${id}`)).body;
const submitted = async (values: Record<string, unknown> = {}, body: Record<string, unknown> = {}) => {
  const d = await w.deal(values);
  const res = await submit(w.rep.as, { recordId: d.id, process: 'deal_review', ...body });
  if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
  return { deal: d, approval: res.body as { id: string } };
};

describe('submit', () => {
  it('picks the only process whose entry matches, opens the manager step and shows up in the inbox', async () => {
    const d = await w.deal();
    const res = await submit(w.rep.as, { recordId: d.id, comment: 'please' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ process: 'deal_review', status: 'pending', step: 'manager', stepIndex: 0, submittedBy: w.rep.id });
    expect(res.body.tasks).toMatchObject([{ assignee: w.manager.id, status: 'open', step: 'manager', dueAt: null }]);
    expect(res.body.actions).toMatchObject([{ action: 'submit', by: w.rep.id, comment: 'please', step: 'manager' }]);
    const inbox = await w.manager.as.get('/api/approvals?box=inbox&status=pending');
    expect(inbox.status).toBe(200);
    expect(inbox.body.data.map((r: { id: string }) => r.id)).toContain(res.body.id);
    expect(inbox.body.data[0].myTask).toMatchObject({ status: 'open', step: 'manager' });
    // approvers cannot list users: the names come with the request
    expect(inbox.body.data.find((r: { id: string }) => r.id === res.body.id)).toMatchObject({ submittedByName: 'rep' });
    const detail = (await w.manager.as.get(`/api/approvals/${res.body.id}`)).body;
    expect(detail.tasks[0]).toMatchObject({ assignee: w.manager.id, assigneeName: 'manager' });
    expect(detail.actions[0]).toMatchObject({ by: w.rep.id, byName: 'rep' });
    expect(inbox.body.counts.pending).toBeGreaterThanOrEqual(1);
    const mine = await w.rep.as.get('/api/approvals?box=submitted');
    expect(mine.body.data.map((r: { id: string }) => r.id)).toContain(res.body.id);
    expect((await w.finance1.as.get('/api/approvals?box=inbox&status=pending')).body.data.map((r: { id: string }) => r.id)).not.toContain(res.body.id);
  });

  it('answers 409 while one is pending, 422 when the entry condition is not met, 404 for a record out of reach', async () => {
    const { deal } = await submitted();
    expectProblem(await submit(w.rep.as, { recordId: deal.id, process: 'deal_review' }), 409);
    const discounted = await w.deal({ discount: 30 });
    const p = expectProblem(await submit(w.rep.as, { recordId: discounted.id, process: 'deal_review' }), 422);
    expect(p.errors).toEqual([{ path: '/recordId', message: 'does not meet the entry condition of deal_review' }]);
    expectProblem(await submit(w.rep.as, { recordId: discounted.id, process: 'nope' }), 422);
    expectProblem(await submit(w.outsider.as, { recordId: discounted.id }), 404);
    expectProblem(await submit(w.rep.as, { recordId: deal.id, bogus: 1 }), 422);
    expectProblem(await w.rep.as.get('/api/approvals?box=outbox'), 400);
  });
});

describe('approve', () => {
  it('walks manager (any) then finance (all) and sets onApproved through the write path', async () => {
    const { deal, approval } = await submitted({ amount: 600000 });
    const afterManager = await act(w.manager.as, approval.id, 'approve', { comment: 'fine by me' });
    expect(afterManager.status).toBe(200);
    expect(afterManager.body).toMatchObject({ status: 'pending', step: 'finance' });
    expect(afterManager.body.tasks.filter((t: { status: string }) => t.status === 'open').map((t: { assignee: string }) => t.assignee).sort())
      .toEqual([w.finance1.id, w.finance2.id].sort());
    expect((await act(w.finance1.as, approval.id, 'approve')).body).toMatchObject({ status: 'pending', step: 'finance' });
    expectProblem(await act(w.finance1.as, approval.id, 'approve'), 409);
    const done = await act(w.finance2.as, approval.id, 'approve');
    expect(done.body).toMatchObject({ status: 'approved', step: 'finance' });
    expect(done.body.decidedAt).toEqual(expect.any(String));
    expect(done.body.steps.map((s: { status: string }) => s.status)).toEqual(['approved', 'approved']);
    expect(done.body.actions.map((a: { action: string; by: string; step: string }) => [a.action, a.by, a.step])).toEqual([
      ['submit', w.rep.id, 'manager'], ['approve', w.manager.id, 'manager'], ['approve', w.finance1.id, 'finance'], ['approve', w.finance2.id, 'finance'],
    ]);
    expect(await record(deal.id)).toMatchObject({ approval_status: 'approved' });
    const events = await sql(server.database!.url, `SELECT type FROM core.outbox WHERE record_id = $1 AND type LIKE 'approval.%' ORDER BY id`, [deal.id]);
    expect(events.map((e) => e.type)).toEqual(['approval.submitted', 'approval.approved', 'approval.approved', 'approval.approved', 'approval.decided']);
    expectProblem(await act(w.manager.as, approval.id, 'approve'), 409);
  });

  it('skips finance when the amount is under 500,000', async () => {
    const { approval } = await submitted({ amount: 1000 });
    const res = await act(w.manager.as, approval.id, 'approve');
    expect(res.body).toMatchObject({ status: 'approved', step: 'manager' });
    expect(res.body.steps.map((s: { status: string }) => s.status)).toEqual(['approved', 'skipped']);
  });

  it('answers 403 to a user without a task and 404 for an unknown request', async () => {
    const { approval } = await submitted();
    expectProblem(await act(w.outsider.as, approval.id, 'approve'), 403);
    expectProblem(await w.outsider.as.get(`/api/approvals/${approval.id}`), 404);
    expectProblem(await act(w.manager.as, '00000000-0000-4000-8000-000000000000', 'approve'), 404);
  });
});

describe('reject, return, recall, reassign, comment', () => {
  it('reject needs a comment, then applies onRejected and closes the request', async () => {
    const { deal, approval } = await submitted();
    expect(expectProblem(await act(w.manager.as, approval.id, 'reject'), 422).errors).toEqual([{ path: '/comment', message: 'is required' }]);
    expectProblem(await act(w.manager.as, approval.id, 'reject', { comment: '   ' }), 422);
    const res = await act(w.manager.as, approval.id, 'reject', { comment: 'margin too thin' });
    expect(res.body).toMatchObject({ status: 'rejected' });
    expect(res.body.actions.at(-1)).toMatchObject({ action: 'reject', by: w.manager.id, comment: 'margin too thin', step: 'manager' });
    expect(await record(deal.id)).toMatchObject({ approval_status: 'rejected' });
    expectProblem(await act(w.manager.as, approval.id, 'approve'), 409);
  });

  it('return sends the request back to an earlier step with fresh tasks', async () => {
    const { approval } = await submitted({ amount: 700000 });
    await act(w.manager.as, approval.id, 'approve');
    expectProblem(await act(w.finance1.as, approval.id, 'return', { toStep: 'finance' }), 422);
    const res = await act(w.finance1.as, approval.id, 'return', { toStep: 'manager', comment: 'check the discount' });
    expect(res.body).toMatchObject({ status: 'pending', step: 'manager' });
    expect(res.body.tasks.map((t: { assignee: string; status: string; step: string }) => [t.step, t.assignee, t.status])).toEqual([
      ['manager', w.manager.id, 'approved'], ['finance', w.finance1.id, 'returned'], ['finance', w.finance2.id, 'cancelled'], ['manager', w.manager.id, 'open'],
    ]);
    expectProblem(await act(w.finance2.as, approval.id, 'approve'), 409);
    expect((await act(w.manager.as, approval.id, 'approve')).body).toMatchObject({ status: 'pending', step: 'finance' });
  });

  it('recall: the submitter only, applying onRecalled', async () => {
    const { deal, approval } = await submitted();
    expectProblem(await act(w.manager.as, approval.id, 'recall'), 403);
    expect((await act(w.rep.as, approval.id, 'recall')).body).toMatchObject({ status: 'recalled', tasks: [{ status: 'cancelled' }] });
    expect(await record(deal.id)).toMatchObject({ approval_status: 'not_submitted' });
    expectProblem(await act(w.rep.as, approval.id, 'recall'), 409);
    expect((await submit(w.rep.as, { recordId: deal.id })).status).toBe(201);
  });

  it('reassign hands the open task to another active user', async () => {
    const { approval } = await submitted();
    expectProblem(await act(w.manager.as, approval.id, 'reassign', { to: '00000000-0000-4000-8000-000000000000' }), 422);
    expectProblem(await act(w.outsider.as, approval.id, 'reassign', { to: w.manager2.id }), 403);
    const res = await act(w.manager.as, approval.id, 'reassign', { to: w.manager2.id, comment: 'on leave' });
    expect(res.body.tasks.map((t: { assignee: string; status: string }) => [t.assignee, t.status])).toEqual([[w.manager.id, 'reassigned'], [w.manager2.id, 'open']]);
    expect(res.body.actions.at(-1)).toMatchObject({ action: 'reassign', by: w.manager.id, to: w.manager2.id, comment: 'on leave' });
    expectProblem(await act(w.manager.as, approval.id, 'approve'), 409);
    expect((await act(w.manager2.as, approval.id, 'approve')).body.status).toBe('approved');
  });

  it('comments from the submitter and approvers are kept; others get 403', async () => {
    const { approval } = await submitted();
    expect((await act(w.rep.as, approval.id, 'comment', { comment: 'customer waiting' })).status).toBe(200);
    const res = await act(w.manager.as, approval.id, 'comment', { comment: 'looking' });
    expect(res.body.actions.slice(1).map((a: { action: string; comment: string }) => [a.action, a.comment])).toEqual([['comment', 'customer waiting'], ['comment', 'looking']]);
    expect(res.body.status).toBe('pending');
    expectProblem(await act(w.outsider.as, approval.id, 'comment', { comment: 'hi' }), 403);
  });

  it('standing delegation sends a new task to the delegate', async () => {
    await sql(server.database!.url, `UPDATE core."user" SET delegate_to = $2 WHERE id = $1`, [w.manager.id, w.manager2.id]);
    try {
      const { approval } = await submitted();
      const res = await w.rep.as.get(`/api/approvals/${approval.id}`);
      expect(res.body.tasks).toMatchObject([{ assignee: w.manager2.id, status: 'open' }]);
    } finally {
      await sql(server.database!.url, `UPDATE core."user" SET delegate_to = NULL WHERE id = $1`, [w.manager.id]);
    }
  });
});

describe('approvers', () => {
  it('resolve the owner’s manager N levels up and a user field of the record', async () => {
    const field = await w.admin.post('/api/metadata/objects/opportunity/fields', { name: 'reviewer', type: 'user' });
    expect([200, 201]).toContain(field.status);
    await w.admin.put('/api/metadata/approvals/two_up', {
      kind: 'approval', name: 'two_up', object: 'opportunity',
      steps: [{ name: 'director', approvers: { manager: 'owner', levels: 2 } }, { name: 'reviewer', approvers: { userField: 'reviewer' } }],
    });
    const d = await w.deal({ reviewer: w.finance2.id });
    const { body } = await submit(w.rep.as, { recordId: d.id, process: 'two_up' });
    expect(body.tasks).toMatchObject([{ assignee: w.director.id, step: 'director' }]);
    const next = await act(w.director.as, body.id, 'approve');
    expect(next.body.tasks.at(-1)).toMatchObject({ assignee: w.finance2.id, step: 'reviewer', status: 'open' });
    expect((await act(w.finance2.as, next.body.id, 'approve')).body.status).toBe('approved');
  });
});

describe('the record under approval', () => {
  it('is readable by its approvers outside their read scope, with their hidden fields still hidden', async () => {
    const { deal, approval } = await submitted({ cost: 400 });
    expect(await record(deal.id)).toMatchObject({ cost: 400 });
    expectProblem(await w.manager.as.get(`/api/records/opportunity/${deal.id}`), 404);
    const res = await w.manager.as.get(`/api/approvals/${approval.id}/record`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: deal.id, amount: 1000, discount: 10 });
    expect(res.body).not.toHaveProperty('cost');
    expectProblem(await w.outsider.as.get(`/api/approvals/${approval.id}/record`), 404);
  });
});

describe('concurrency', () => {
  it('two approvers acting at once on an any step: exactly one decision, the other 409', async () => {
    await w.admin.put('/api/metadata/approvals/pair_review', {
      kind: 'approval', name: 'pair_review', object: 'opportunity',
      steps: [{ name: 'pair', approvers: { users: [w.manager.id, w.manager2.id] }, mode: 'any' }],
      onApproved: { set: { approval_status: 'approved' } },
    });
    for (let i = 0; i < 5; i++) {
      const d = await w.deal();
      const { body } = await submit(w.rep.as, { recordId: d.id, process: 'pair_review' });
      const replies = await Promise.all([act(w.manager.as, body.id, 'approve'), act(w.manager2.as, body.id, 'approve')]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const decided = await sql(server.database!.url, `SELECT
          (SELECT count(*)::int FROM core.approval_action WHERE request_id = $1 AND action = 'approve') AS approvals,
          (SELECT count(*)::int FROM core.outbox WHERE record_id = $2 AND type = 'approval.decided') AS decided,
          (SELECT count(*)::int FROM core.record_history WHERE record_id = $2 AND action = 'update') AS writes`, [body.id, d.id]);
      expect(decided).toEqual([{ approvals: 1, decided: 1, writes: 1 }]);
    }
  });

  it('two approvers acting at once on an all step: both count, the request is approved once', async () => {
    const { deal, approval } = await submitted({ amount: 800000 });
    await act(w.manager.as, approval.id, 'approve');
    const replies = await Promise.all([act(w.finance1.as, approval.id, 'approve'), act(w.finance2.as, approval.id, 'approve')]);
    expect(replies.map((r) => r.status)).toEqual([200, 200]);
    expect(replies.map((r) => r.body.status).sort()).toEqual(['approved', 'pending']);
    const [row] = await sql(server.database!.url, `SELECT count(*)::int AS n FROM core.outbox WHERE record_id = $1 AND type = 'approval.decided'`, [deal.id]);
    expect(row.n).toBe(1);
    const all = await w.admin.get('/api/approvals?box=all&status=approved&limit=500');
    expect(all.body.data.map((r: { id: string }) => r.id)).toContain(approval.id);
    expect(all.body.total).toBe(all.body.counts.approved);
  });
});
