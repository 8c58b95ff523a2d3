import type { PipelineDef } from '@loom/metadata';
import { labelOf } from '@/i18n/label-of';

export interface PipelineItem {
  name: string;
  label: string;
  object: string;
}

/**
 * The pipelines of the effective metadata whose object the caller can see (the metadata is
 * already filtered to them), by label in the current language.
 */
export function pipelineItems(
  pipelines: Readonly<Record<string, PipelineDef>> | undefined,
  visibleObjects: ReadonlySet<string>,
  locale: string,
): PipelineItem[] {
  return Object.entries(pipelines ?? {})
    .filter(([, pipeline]) => visibleObjects.has(pipeline.object))
    .map(([name, pipeline]) => ({ name: pipeline.name ?? name, label: labelOf(pipeline.label, locale, name), object: pipeline.object }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}
