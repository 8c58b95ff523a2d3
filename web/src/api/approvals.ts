import type { Label } from '@loom/metadata';
import { request } from './request';
import type { RecordData } from './records';

export type ApprovalBox = 'inbox' | 'submitted' | 'all';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'recalled';
export type ApprovalActionKind = 'submit' | 'approve' | 'reject' | 'return' | 'recall' | 'reassign' | 'escalate' | 'comment';
export type StepStatus = 'approved' | 'skipped' | 'current' | 'rejected' | 'recalled' | 'waiting' | 'notReached';

/** One request as `GET /api/approvals` lists it. */
export interface ApprovalSummary {
  id: string;
  object: string;
  recordId: string;
  process: string;
  processLabel?: Label;
  status: ApprovalStatus;
  /** Name of the current (or deciding) step. */
  step: string | null;
  stepIndex: number;
  submittedBy: string;
  /** Present when the server resolves the name. */
  submittedByName?: string;
  submittedAt: string | null;
  decidedAt: string | null;
  /** The stage a gated move waits to enter. */
  targetStage: string | null;
  version: number;
  /** The caller's task on it (the open one first); null when the caller approves nothing here. */
  myTask?: { id: string; status: string; step: string | null } | null;
}

export interface ApprovalList {
  data: ApprovalSummary[];
  counts: Partial<Record<ApprovalStatus, number>>;
  total: number;
}

export interface ApprovalStepView {
  index: number;
  name: string;
  label?: Label;
  mode: string;
  status: StepStatus;
}

export interface ApprovalTask {
  id: string;
  step: string | null;
  stepIndex: number;
  assignee: string;
  assigneeName?: string;
  status: string;
  escalation: boolean;
  actedAt: string | null;
  dueAt: string | null;
}

/** API.md "Shapes clients rely on": `{ action, by, at, comment, step }`. */
export interface ApprovalAction {
  action: ApprovalActionKind;
  by: string | null;
  byName?: string;
  at: string;
  comment: string | null;
  step: string | null;
  to?: string;
}

export interface ApprovalDetail extends ApprovalSummary {
  allowRecall: boolean;
  steps: ApprovalStepView[];
  tasks: ApprovalTask[];
  actions: ApprovalAction[];
}

export interface ApprovalListQuery {
  box: ApprovalBox;
  status?: ApprovalStatus;
  /** Only the requests about this object / this record (the record page's approval panel). */
  object?: string;
  recordId?: string;
  limit?: number;
  offset?: number;
}

export function listApprovals(query: ApprovalListQuery, options: { silent?: boolean; signal?: AbortSignal } = {}): Promise<ApprovalList> {
  return request<ApprovalList>('/api/approvals', { query: { ...query }, silent: options.silent, signal: options.signal });
}

export function getApproval(id: string): Promise<ApprovalDetail> {
  return request<ApprovalDetail>(`/api/approvals/${encodeURIComponent(id)}`, { expect: [404] });
}

/** The record under approval; an approver may read it even outside their own read scope. */
export function getApprovalRecord(id: string): Promise<RecordData> {
  return request<RecordData>(`/api/approvals/${encodeURIComponent(id)}/record`, { silent: true });
}

export interface SubmitApprovalInput {
  object: string;
  recordId: string;
  process?: string;
  /** A gated stage move: entered when the request is approved. */
  targetStage?: string;
  comment?: string;
}

/** 409 (one is already pending) and 422 (the entry condition does not hold) are the caller's to explain. */
export function submitApproval(input: SubmitApprovalInput): Promise<ApprovalDetail> {
  return request<ApprovalDetail>('/api/approvals', { method: 'POST', body: input, expect: [409, 422] });
}

/** The actions of the inbox; each answers the request's new state. */
export type ApprovalDecision = 'approve' | 'reject' | 'recall' | 'comment';

/** reject and comment need a comment (422 without one); 403 and 409 are shown by request.ts unless `expect`ed. */
export function actOnApproval(id: string, action: ApprovalDecision, comment?: string, options: { expect?: number[] } = {}): Promise<ApprovalDetail> {
  const body = comment?.trim() ? { comment: comment.trim() } : {};
  return request<ApprovalDetail>(`/api/approvals/${encodeURIComponent(id)}/${action}`, { method: 'POST', body, expect: options.expect });
}
