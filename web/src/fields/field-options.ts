import { labelOf } from '@/i18n/label-of';
import type { StageDef } from '@loom/metadata';
import type { FieldDefinition } from './field-definition';

/** The stages of each pipeline, by pipeline name (what a stage field's choices come from). */
export type PipelineStages = Readonly<Record<string, { stages: readonly StageDef[] }>>;

export interface ChoiceOption {
  value: string;
  label: string;
  color?: string;
}

/**
 * The choices of a select, multiselect, tags or stage field, in display order:
 * a stage field takes its pipeline's stages, the others their own `options`.
 */
export function optionsOf(
  field: FieldDefinition,
  locale: string,
  pipelines: PipelineStages = {},
): ChoiceOption[] {
  if (field.type === 'stage') {
    const stages = (field.pipeline && pipelines[field.pipeline]?.stages) || [];
    return stages.map((stage) => ({ value: stage.key, label: labelOf(stage.label, locale, stage.key), color: stage.color }));
  }
  return [...(field.options ?? [])]
    .map((option, index) => ({ option, index }))
    .sort((a, b) => (a.option.order ?? a.index) - (b.option.order ?? b.index))
    .map(({ option }) => ({ value: option.key, label: labelOf(option.label, locale, option.key), color: option.color }));
}
