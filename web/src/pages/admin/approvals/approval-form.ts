import type { ApprovalDef, ApprovalMode, ApprovalOutcome, ApprovalStep, Approvers, ConditionJson, FieldDef, StepTimeout } from '@loom/metadata';
import { cloneJson, extraProps, labelForm, labelFromForm, setDefined } from '@/designers/label-form';
import type { LabelForm } from '@/designers/label-form';
import { valueRows, valuesFromRows } from '@/designers/value-rows';
import type { ValueRow } from '@/designers/value-rows';

/** An option of a designer select. */
export interface Choice {
  value: string;
  label: string;
}

/** Who approves: any mix of users, a role, the owner's manager (N levels up) and a user field. */
export interface ApproversForm {
  users: string[];
  role: string;
  manager: boolean;
  /** null: one level (the default, not written). */
  levels: number | null;
  userField: string;
}

export type TimeoutAction = StepTimeout['action'];

export interface TimeoutForm {
  on: boolean;
  days: number | null;
  hours: number | null;
  minutes: number | null;
  action: TimeoutAction;
  /** Escalation target (written when it names anyone). */
  to: ApproversForm;
}

export interface StepForm {
  uid: number;
  name: string;
  label: LabelForm;
  when: ConditionJson | undefined;
  approvers: ApproversForm;
  /** '' = not written (any). */
  mode: '' | ApprovalMode;
  timeout: TimeoutForm;
}

export type OutcomeKey = 'onApproved' | 'onRejected' | 'onRecalled';
export const OUTCOMES: readonly OutcomeKey[] = ['onApproved', 'onRejected', 'onRecalled'];

export interface ApprovalForm {
  name: string;
  label: LabelForm;
  description: LabelForm;
  object: string;
  entry: ConditionJson | undefined;
  /** null: the document has no `lock`. */
  editable: string[] | null;
  steps: StepForm[];
  outcomes: Record<OutcomeKey, ValueRow[]>;
  allowRecall: boolean | null;
  extra: Record<string, unknown>;
}

const APPROVAL_PROPS = ['kind', 'name', 'label', 'description', 'object', 'entry', 'lock', 'steps', 'onApproved', 'onRejected', 'onRecalled', 'allowRecall'];

let lastUid = 0;
const nextUid = () => (lastUid += 1);

export function approversForm(approvers: Approvers | undefined): ApproversForm {
  return {
    users: [...(approvers?.users ?? [])],
    role: approvers?.role ?? '',
    manager: approvers?.manager === 'owner',
    levels: approvers?.levels ?? null,
    userField: approvers?.userField ?? '',
  };
}

export function approversDocument(form: ApproversForm): Approvers {
  const approvers: Approvers = {};
  if (form.users.length) approvers.users = [...form.users];
  setDefined(approvers, 'role', form.role || undefined);
  if (form.manager) {
    approvers.manager = 'owner';
    setDefined(approvers, 'levels', form.levels ?? undefined);
  }
  setDefined(approvers, 'userField', form.userField || undefined);
  return approvers;
}

export function isEmptyApprovers(form: ApproversForm): boolean {
  return Object.keys(approversDocument(form)).length === 0;
}

export function stepForm(step: Partial<ApprovalStep> = {}): StepForm {
  const timeout = step.timeout;
  return {
    uid: nextUid(),
    name: step.name ?? '',
    label: labelForm(step.label),
    when: cloneJson(step.when),
    approvers: approversForm(step.approvers),
    mode: step.mode ?? '',
    timeout: {
      on: timeout !== undefined,
      days: timeout?.days ?? null,
      hours: timeout?.hours ?? null,
      minutes: timeout?.minutes ?? null,
      action: timeout?.action ?? 'remind',
      to: approversForm(timeout?.to),
    },
  };
}

function timeoutDocument(form: TimeoutForm): StepTimeout {
  const timeout: StepTimeout = { action: form.action };
  setDefined(timeout, 'days', form.days ?? undefined);
  setDefined(timeout, 'hours', form.hours ?? undefined);
  setDefined(timeout, 'minutes', form.minutes ?? undefined);
  if (!isEmptyApprovers(form.to)) timeout.to = approversDocument(form.to);
  return timeout;
}

function stepDocument(form: StepForm): ApprovalStep {
  const step: ApprovalStep = { name: form.name.trim(), approvers: approversDocument(form.approvers) };
  setDefined(step, 'label', labelFromForm(form.label));
  setDefined(step, 'when', form.when && Object.keys(form.when).length ? cloneJson(form.when) : undefined);
  setDefined(step, 'mode', form.mode || undefined);
  if (form.timeout.on) step.timeout = timeoutDocument(form.timeout);
  return step;
}

export function approvalForm(document: Partial<ApprovalDef>): ApprovalForm {
  return {
    name: document.name ?? '',
    label: labelForm(document.label),
    description: labelForm(document.description),
    object: document.object ?? '',
    entry: cloneJson(document.entry),
    editable: document.lock ? [...(document.lock.editable ?? [])] : null,
    steps: (document.steps ?? []).map(stepForm),
    outcomes: {
      onApproved: valueRows(document.onApproved?.set),
      onRejected: valueRows(document.onRejected?.set),
      onRecalled: valueRows(document.onRecalled?.set),
    },
    allowRecall: document.allowRecall ?? null,
    extra: cloneJson(extraProps(document, APPROVAL_PROPS)),
  };
}

/** The full approval process document (what `PUT /api/metadata/approvals/{name}` gets). */
export function approvalDocument(form: ApprovalForm, field: (name: string) => Pick<FieldDef, 'type'> | undefined = () => undefined): ApprovalDef {
  const document: ApprovalDef = {
    ...cloneJson(form.extra),
    kind: 'approval',
    name: form.name.trim(),
    object: form.object,
    steps: form.steps.map(stepDocument),
  };
  setDefined(document, 'label', labelFromForm(form.label));
  setDefined(document, 'description', labelFromForm(form.description));
  setDefined(document, 'entry', form.entry && Object.keys(form.entry).length ? cloneJson(form.entry) : undefined);
  if (form.editable !== null) document.lock = form.editable.length ? { editable: [...form.editable] } : {};
  for (const key of OUTCOMES) {
    const set = valuesFromRows(form.outcomes[key], field);
    if (Object.keys(set).length) document[key] = { set } satisfies ApprovalOutcome;
  }
  setDefined(document, 'allowRecall', form.allowRecall ?? undefined);
  return document;
}

/** A step name not used yet: `step_1`, `step_2`, … */
export function newStepName(form: ApprovalForm): string {
  const used = new Set(form.steps.map((step) => step.name));
  let n = form.steps.length + 1;
  while (used.has(`step_${n}`)) n += 1;
  return `step_${n}`;
}

/** Every form item prop a server error path may point at (`steps.0.approvers`, `steps.1.timeout.action`, …). */
export function approvalErrorProps(form: ApprovalForm): string[] {
  const props = ['name', 'label', 'description', 'object', 'entry', 'lock', 'steps', 'allowRecall', ...OUTCOMES];
  form.steps.forEach((_step, index) => {
    for (const key of ['', '.name', '.label', '.when', '.approvers', '.mode', '.timeout', '.timeout.action', '.timeout.to']) props.push(`steps.${index}${key}`);
  });
  return props;
}
