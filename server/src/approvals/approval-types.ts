/** The shapes the approval state machine works on: plain data, no database. */

export type RequestStatus = 'pending' | 'approved' | 'rejected' | 'recalled';
export type TaskStatus = 'open' | 'approved' | 'rejected' | 'returned' | 'cancelled' | 'reassigned';
export type ActionKind = 'submit' | 'approve' | 'reject' | 'return' | 'recall' | 'reassign' | 'escalate' | 'comment';

export interface TaskState {
  id: string;
  step: number;
  assignee: string;
  status: TaskStatus;
  /** Added by a timeout escalation: such a task decides its step alone, whatever the mode. */
  escalation: boolean;
  dueAt: string | null;
}

export interface RequestState {
  status: RequestStatus;
  /** Index of the current step in the process's `steps`. */
  step: number;
  submittedBy: string;
  tasks: TaskState[];
}

/** What the engine found for one step of the process, on this record, now. */
export interface StepPlan {
  /** The step's `when` holds (or it has none); a step that does not apply is skipped. */
  applies: boolean;
  /** Its approvers as user ids, delegation applied. */
  assignees: string[];
  /** The users a timeout escalates to (`timeout.to`), delegation applied. */
  escalateTo: string[];
}

export type ApprovalCommand =
  | { kind: 'approve'; by: string; comment?: string }
  | { kind: 'reject'; by: string; comment?: string }
  | { kind: 'return'; by: string; toStep?: number; comment?: string }
  | { kind: 'recall'; by: string; comment?: string }
  | { kind: 'reassign'; by: string; to: string; comment?: string }
  | { kind: 'comment'; by: string; comment: string }
  /** The current step's deadline passed for the `due` open tasks; the step timeout's `action` decides what happens (the system acts, `by` null). */
  | { kind: 'timeout'; due: string[] };

export interface NewTask {
  step: number;
  assignee: string;
  escalation: boolean;
  /** A reassigned task keeps the deadline of the one it replaces… */
  dueAt?: string | null;
  /** …a step's new tasks get the step timeout from now. */
  dueInMs?: number | null;
}

export interface ActionRecord {
  action: ActionKind;
  by: string | null;
  step: number;
  comment: string | null;
  to?: string;
}

export type ApprovalEvent =
  | 'approval.submitted' | 'approval.approved' | 'approval.rejected' | 'approval.returned' | 'approval.recalled'
  | 'approval.reassigned' | 'approval.escalated' | 'approval.commented' | 'approval.reminded' | 'approval.decided';

/** The next state and everything that changes to get there. */
export interface Transition {
  status: RequestStatus;
  step: number;
  /** Open tasks that close, with their new status. */
  closeTasks: { id: string; status: Exclude<TaskStatus, 'open'> }[];
  openTasks: NewTask[];
  /** Open tasks whose deadline is spent (the timeout fired): due_at cleared. */
  clearDue: string[];
  /** Open tasks that were reminded. */
  remind: string[];
  actions: ActionRecord[];
  events: ApprovalEvent[];
  /** Set when the request leaves `pending`: the process's onApproved / onRejected / onRecalled apply. */
  outcome: Exclude<RequestStatus, 'pending'> | null;
}

export interface Refusal {
  ok: false;
  status: 403 | 409 | 422;
  reason: string;
  /** JSON pointer into the request body (422). */
  path?: string;
}

export type Verdict = { ok: true; next: Transition } | Refusal;
