import type { MetadataChange } from '@loom/metadata';
import { diffDocuments } from '@/designers/diff-documents';
import type { DocumentDifference } from '@/designers/diff-documents';

export type ChangeAction = 'add' | 'remove' | 'change' | 'restore';

/** One entry of a revision's diff, ready to show: what kind of thing, what happened, and how it changed. */
export interface RevisionChangeView {
  kind: string;
  path: string;
  /** The metadata section it belongs to (`objects`, `pipelines`, …), from its path. */
  section: string;
  action: ChangeAction;
  /** For changes with a before and after: property by property. */
  differences: DocumentDifference[];
  /** For additions and removals: the definition added or removed. */
  definition?: unknown;
  /** Short facts (`archived`, option keys added, index fields). */
  notes: string[];
}

const ACTIONS: Array<[RegExp, ChangeAction]> = [
  [/^add/, 'add'],
  [/^remove/, 'remove'],
  [/^restore/, 'restore'],
];

function actionOf(kind: string): ChangeAction {
  return ACTIONS.find(([pattern]) => pattern.test(kind))?.[1] ?? 'change';
}

/** Turns `GET /api/metadata/revisions/{n}`'s `diff` into rows for the diff view, in the server's order. */
export function revisionChanges(diff: readonly MetadataChange[]): RevisionChangeView[] {
  return diff.map((change) => {
    const record = change as MetadataChange & Record<string, unknown>;
    const notes: string[] = [];
    if (record.archived === true) notes.push('archived');
    if (record.kind === 'changeFieldType') notes.push(`${String(record.from)} → ${String(record.to)}`);
    const options = record.options as { added?: string[]; removed?: string[]; changed?: string[] } | undefined;
    if (options?.added?.length) notes.push(`+ ${options.added.join(', ')}`);
    if (options?.removed?.length) notes.push(`− ${options.removed.join(', ')}`);
    if (Array.isArray(record.fields)) notes.push((record.fields as string[]).join(', '));
    const hasBeforeAfter = 'before' in record && 'after' in record;
    return {
      kind: change.kind,
      path: change.path,
      section: change.path.split('/')[1] ?? '',
      action: actionOf(change.kind),
      differences: hasBeforeAfter ? diffDocuments(record.before, record.after) : [],
      definition: hasBeforeAfter ? undefined : record.def,
      notes,
    };
  });
}

/** How many changes each section has (for the filter chips). */
export function countBySection(changes: readonly RevisionChangeView[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const change of changes) counts[change.section] = (counts[change.section] ?? 0) + 1;
  return counts;
}
