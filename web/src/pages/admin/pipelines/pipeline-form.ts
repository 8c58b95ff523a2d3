import type { ConditionJson, FieldDef, ObjectDef, PipelineDef, StageDef, StageTransition } from '@loom/metadata';
import { cloneJson, extraProps, labelForm, labelFromForm, setDefined } from '@/designers/label-form';
import type { LabelForm } from '@/designers/label-form';

export interface StageForm {
  /** Stable key for lists and drag (the stage key itself may be edited). */
  uid: number;
  key: string;
  label: LabelForm;
  probability: number | null;
  outcome: '' | 'won' | 'lost';
  requiredFields: string[];
  /** The approval process that gates the stage ('' = no gate). */
  gateApproval: string;
  gateWhen: ConditionJson | undefined;
  maxDays: number | null;
  color: string;
  extra: Record<string, unknown>;
}

export type TransitionMode = 'any' | 'forward' | 'explicit';

export interface PipelineForm {
  name: string;
  label: LabelForm;
  object: string;
  field: string;
  amountField: string;
  closeDateField: string;
  stages: StageForm[];
  transitionMode: TransitionMode;
  /** Explicit transitions: stage key → the keys it may move to. */
  matrix: Record<string, string[]>;
  /** The document named `transitions` (an `any` it did not name stays unnamed). */
  transitionsNamed: boolean;
  extra: Record<string, unknown>;
}

const PIPELINE_PROPS = ['kind', 'name', 'label', 'object', 'field', 'amountField', 'closeDateField', 'stages', 'transitions'];
const STAGE_PROPS = ['key', 'label', 'probability', 'outcome', 'requiredFields', 'gate', 'maxDays', 'color'];

let lastUid = 0;
const nextUid = () => (lastUid += 1);

export function stageForm(stage: Partial<StageDef> = {}): StageForm {
  return {
    uid: nextUid(),
    key: stage.key ?? '',
    label: labelForm(stage.label),
    probability: stage.probability ?? null,
    outcome: stage.outcome ?? '',
    requiredFields: [...(stage.requiredFields ?? [])],
    gateApproval: stage.gate?.approval ?? '',
    gateWhen: cloneJson(stage.gate?.when),
    maxDays: stage.maxDays ?? null,
    color: stage.color ?? '',
    extra: cloneJson(extraProps(stage, STAGE_PROPS)),
  };
}

/** The designer's state of a pipeline document (a copy: editing never touches the document). */
export function pipelineForm(document: Partial<PipelineDef>): PipelineForm {
  const transitions = document.transitions;
  const matrix: Record<string, string[]> = {};
  if (Array.isArray(transitions)) for (const entry of transitions) matrix[entry.from] = [...entry.to];
  return {
    name: document.name ?? '',
    label: labelForm(document.label),
    object: document.object ?? '',
    field: document.field ?? '',
    amountField: document.amountField ?? '',
    closeDateField: document.closeDateField ?? '',
    stages: (document.stages ?? []).map(stageForm),
    transitionMode: Array.isArray(transitions) ? 'explicit' : (transitions ?? 'any'),
    matrix,
    transitionsNamed: transitions !== undefined,
    extra: cloneJson(extraProps(document, PIPELINE_PROPS)),
  };
}

function stageDocument(stage: StageForm): StageDef {
  const document: StageDef = { key: stage.key.trim() };
  setDefined(document, 'label', labelFromForm(stage.label));
  setDefined(document, 'probability', stage.probability ?? undefined);
  setDefined(document, 'outcome', stage.outcome || undefined);
  setDefined(document, 'requiredFields', stage.requiredFields.length ? [...stage.requiredFields] : undefined);
  if (stage.gateApproval) {
    document.gate = { approval: stage.gateApproval };
    setDefined(document.gate, 'when', cloneJson(stage.gateWhen));
  }
  setDefined(document, 'maxDays', stage.maxDays ?? undefined);
  setDefined(document, 'color', stage.color || undefined);
  return { ...cloneJson(stage.extra), ...document };
}

/** Explicit transitions in stage order, each target list in stage order; stages with no target are left out. */
export function transitionList(form: PipelineForm): StageTransition[] {
  const order = form.stages.map((stage) => stage.key);
  return order
    .map((from) => ({ from, to: order.filter((to) => to !== from && (form.matrix[from] ?? []).includes(to)) }))
    .filter((entry) => entry.to.length > 0);
}

/** The full pipeline document the designer's state describes (what `PUT /api/metadata/pipelines/{name}` gets). */
export function pipelineDocument(form: PipelineForm): PipelineDef {
  const document: PipelineDef = {
    ...cloneJson(form.extra),
    kind: 'pipeline',
    name: form.name.trim(),
    object: form.object,
    field: form.field,
    stages: form.stages.map(stageDocument),
  };
  setDefined(document, 'label', labelFromForm(form.label));
  setDefined(document, 'amountField', form.amountField || undefined);
  setDefined(document, 'closeDateField', form.closeDateField || undefined);
  if (form.transitionMode === 'explicit') document.transitions = transitionList(form);
  else if (form.transitionMode !== 'any' || form.transitionsNamed) document.transitions = form.transitionMode;
  return document;
}

/** A stage key changed: the explicit transitions follow it. */
export function renameStageKey(form: PipelineForm, from: string, to: string): void {
  if (from === to) return;
  const matrix: Record<string, string[]> = {};
  for (const [source, targets] of Object.entries(form.matrix)) {
    matrix[source === from ? to : source] = targets.map((target) => (target === from ? to : target));
  }
  form.matrix = matrix;
}

/** A new stage key not used yet: `stage_1`, `stage_2`, … */
export function newStageKey(form: PipelineForm): string {
  const used = new Set(form.stages.map((stage) => stage.key));
  let n = form.stages.length + 1;
  while (used.has(`stage_${n}`)) n += 1;
  return `stage_${n}`;
}

/** Turns the explicit matrix on from the current mode: `any` allows every move, `forward` the later stages and outcomes. */
export function seedMatrix(form: PipelineForm, from: TransitionMode): Record<string, string[]> {
  const keys = form.stages.map((stage) => stage.key);
  const outcomes = form.stages.filter((stage) => stage.outcome).map((stage) => stage.key);
  const matrix: Record<string, string[]> = {};
  keys.forEach((key, index) => {
    matrix[key] =
      from === 'forward'
        ? keys.filter((target, at) => at > index || (outcomes.includes(target) && target !== key))
        : keys.filter((target) => target !== key);
  });
  return matrix;
}

/** Fields a stage may require: the object's stored, writable, live fields. */
export function requirableFields(object: ObjectDef | undefined): Array<[string, FieldDef]> {
  const computed = new Set(['formula', 'rollup', 'autonumber']);
  return Object.entries(object?.fields ?? {}).filter(
    ([, field]) => !field.archived && !computed.has(field.type) && !(field.type === 'relation' && field.relationType === 'oneToMany'),
  );
}

/** Every form item prop a server error path may point at (`stages.2.key`, …). */
export function pipelineErrorProps(form: PipelineForm): string[] {
  const props = ['name', 'label', 'object', 'field', 'amountField', 'closeDateField', 'stages', 'transitions'];
  form.stages.forEach((_stage, index) => {
    for (const prop of STAGE_PROPS) props.push(`stages.${index}.${prop}`);
    props.push(`stages.${index}`);
  });
  return props;
}

export type StageProblem = 'keyInvalid' | 'keyDuplicate';

/** Problems the designer can see before asking the server: stage keys that are no identifier or repeat. */
export function stageProblems(form: PipelineForm): Record<string, StageProblem> {
  const problems: Record<string, StageProblem> = {};
  const seen = new Set<string>();
  form.stages.forEach((stage, index) => {
    const key = stage.key.trim();
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(key)) problems[`stages.${index}.key`] = 'keyInvalid';
    else if (seen.has(key)) problems[`stages.${index}.key`] = 'keyDuplicate';
    seen.add(key);
  });
  return problems;
}
