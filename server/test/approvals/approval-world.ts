// Users with a manager hierarchy, a finance role and approval processes defined through the metadata API.
import { login, type Client, type Reply } from '../support/client.js';
import type { TestServer } from '../support/server.js';

export interface Person { id: string; as: Client }

export interface ApprovalWorld {
  admin: Client;
  director: Person;
  /** The reps' manager: role sales_rep only, outside their team, so costs are hidden and their deals out of scope. */
  manager: Person;
  manager2: Person;
  rep: Person;
  finance1: Person;
  finance2: Person;
  outsider: Person;
  account: string;
  deal(values?: Record<string, unknown>): Promise<{ id: string; version: number }>;
}

const PASSWORD = 'password-123';

/** manager (any) → finance (all, only from 500,000); the default process for deals with a discount up to 20. */
export const dealReview = {
  kind: 'approval', name: 'deal_review', object: 'opportunity', label: { en: 'Deal review', 'zh-CN': '商机评审' },
  entry: { discount: { $lte: 20 } },
  lock: { editable: ['description'] },
  steps: [
    { name: 'manager', approvers: { manager: 'owner' }, mode: 'any' },
    { name: 'finance', when: { amount: { $gte: 500000 } }, approvers: { role: 'finance' }, mode: 'all' },
  ],
  onApproved: { set: { approval_status: 'approved' } },
  onRejected: { set: { approval_status: 'rejected' } },
  onRecalled: { set: { approval_status: 'not_submitted' } },
  allowRecall: true,
};

export async function putProcess(admin: Client, def: Record<string, unknown>): Promise<void> {
  const res = await admin.put(`/api/metadata/approvals/${def.name}`, def);
  if (res.status !== 200 && res.status !== 201) throw new Error(`PUT approval ${def.name}: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function buildApprovalWorld(server: TestServer): Promise<ApprovalWorld> {
  const admin = await login(server.url, server.adminEmail, server.adminPassword);
  const team = (await admin.post('/api/teams', { name: 'Field sales' })).body.id as string;
  const person = async (name: string, roles: string[], manager?: string, inTeam = false): Promise<Person> => {
    const res = await admin.post('/api/users', { email: `${name}@loom.test`, name, password: PASSWORD, roles, ...(manager ? { manager } : {}), ...(inTeam ? { team } : {}) });
    if (res.status !== 201) throw new Error(`create user ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, as: await login(server.url, `${name}@loom.test`, PASSWORD) };
  };
  const director = await person('director', ['sales_director']);
  const manager = await person('manager', ['sales_rep'], director.id);
  const manager2 = await person('manager2', ['sales_manager'], director.id);
  const rep = await person('rep', ['sales_rep'], manager.id, true);
  const finance1 = await person('finance1', ['finance']);
  const finance2 = await person('finance2', ['finance']);
  const outsider = await person('outsider', ['sales_rep']);
  await putProcess(admin, dealReview);
  const account = (await admin.post('/api/records/account', { name: 'Approval Co' })).body.id as string;
  let n = 0;
  const deal = async (values: Record<string, unknown> = {}) => {
    const res = await admin.post('/api/records/opportunity', { name: `Deal ${++n}`, account, owner: rep.id, amount: 1000, discount: 10, ...values });
    if (res.status !== 201) throw new Error(`create deal: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  };
  return { admin, director, manager, manager2, rep, finance1, finance2, outsider, account, deal };
}

/** Polls `probe` until `done` holds for its answer (timeouts fire on a sweeper every 2 s). */
export async function eventually<T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const submit = (as: Client, body: Record<string, unknown>): Promise<Reply> => as.post('/api/approvals', { object: 'opportunity', ...body });
export const act = (as: Client, id: string, action: string, body: Record<string, unknown> = {}): Promise<Reply> => as.post(`/api/approvals/${id}/${action}`, body);
