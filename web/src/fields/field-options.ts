import { labelOf } from '@/i18n/label-of';
import type { PipelineDefinition } from '@/api/metadata';
import type { FieldDefinition } from './field-definition';

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
  pipelines: Readonly<Record<string, PipelineDefinition>> = {},
): ChoiceOption[] {
  if (field.type === 'stage') {
    const stages = (field.pipeline && pipelines[field.pipeline]?.stages) || [];
    return stages.map((stage) => ({ value: stage.key, label: labelOf(stage.label, locale, stage.key) }));
  }
  return [...(field.options ?? [])]
    .map((option, index) => ({ option, index }))
    .sort((a, b) => (a.option.order ?? a.index) - (b.option.order ?? b.index))
    .map(({ option }) => ({ value: option.key, label: labelOf(option.label, locale, option.key), color: option.color }));
}
