import type { ConditionJson } from './condition-json.js';
import type { Label } from './label.js';

export interface StageGate {
  /** An approval process that must be approved before entering the stage. */
  approval: string;
  /** The gate applies only to records matching this condition (default: always). */
  when?: ConditionJson;
}

export interface StageDef {
  key: string;
  label?: Label;
  probability?: number;
  outcome?: 'won' | 'lost';
  requiredFields?: string[];
  gate?: StageGate;
  /** Records staying longer are flagged as stale. */
  maxDays?: number;
  color?: string;
}

export interface StageTransition {
  from: string;
  to: string[];
}

/** `any` (default), `forward` (a later stage or any outcome stage) or an explicit list. */
export type PipelineTransitions = 'any' | 'forward' | StageTransition[];

export interface PipelineDef {
  kind: 'pipeline';
  name: string;
  label?: Label;
  object: string;
  /** The stage field on `object`. */
  field: string;
  stages: StageDef[];
  transitions?: PipelineTransitions;
  /** Default: the object's field `amount`. */
  amountField?: string;
  /** Default: `close_date`. */
  closeDateField?: string;
  /** With several pipelines on one object: the select field choosing the pipeline… */
  recordTypeField?: string;
  /** …and the option key(s) of that field that use this pipeline. */
  recordType?: string | string[];
}
