import type { ConditionJson } from '@loom/metadata';

export interface BoardFilterInput {
  /** The object's title field, searched by the filter box (`name` when the object names none). */
  titleField?: string;
  text: string;
  /** Only the caller's own records. */
  mine: boolean;
}

/** The board's filter box and "mine" switch as one condition (DESIGN.md §2), or null for none. */
export function boardFilter({ titleField, text, mine }: BoardFilterInput): ConditionJson | null {
  const parts: ConditionJson[] = [];
  const needle = text.trim();
  if (needle) parts.push({ [titleField || 'name']: { $contains: needle } });
  if (mine) parts.push({ owner: '$user.id' });
  if (parts.length === 0) return null;
  return parts.length === 1 ? parts[0]! : { $and: parts };
}
