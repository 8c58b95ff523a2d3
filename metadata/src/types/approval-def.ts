import type { ConditionJson } from './condition-json.js';
import type { Label } from './label.js';

/** Who approves. At least one entry; several entries add up. */
export interface Approvers {
  users?: string[];
  role?: string;
  /** The record owner's manager… */
  manager?: 'owner';
  /** …walking up this many levels (default 1). */
  levels?: number;
  /** A `user` field of the record. */
  userField?: string;
}

export type ApprovalMode = 'any' | 'all' | 'firstResponds';

/** Units add up and may be fractions (`{ minutes: 0.5 }` is 30 s). */
export interface StepTimeout {
  days?: number;
  hours?: number;
  minutes?: number;
  action: 'remind' | 'escalate' | 'approve' | 'reject';
  to?: Approvers;
}

export interface ApprovalStep {
  name: string;
  label?: Label;
  /** The step runs only when this holds (skipped otherwise). */
  when?: ConditionJson;
  approvers: Approvers;
  mode?: ApprovalMode;
  timeout?: StepTimeout;
}

export interface ApprovalOutcome {
  set: Record<string, unknown>;
}

export interface ApprovalDef {
  kind: 'approval';
  name: string;
  label?: Label;
  description?: Label;
  object: string;
  /** Submitting requires this to hold (422 otherwise). */
  entry?: ConditionJson;
  /** While pending only these fields are writable (423 for the rest). */
  lock?: { editable?: string[] };
  steps: ApprovalStep[];
  onApproved?: ApprovalOutcome;
  onRejected?: ApprovalOutcome;
  onRecalled?: ApprovalOutcome;
  allowRecall?: boolean;
}
