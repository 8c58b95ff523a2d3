import type { ConditionJson } from '@loom/metadata';
import type { SavedView } from '@/api/views';

/** What a list shows that a view saves: filter, sort and chosen columns (null = the defaults). */
export interface ListState {
  filter: ConditionJson | null;
  sort: string | null;
  columns: string[] | null;
}

const STORAGE_PREFIX = 'loom.view.';

/** Stable JSON (object keys sorted), so `{a,b}` and `{b,a}` compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The list no longer shows what the view saved: its filter, sort or columns were changed. */
export function viewDiffers(view: Pick<SavedView, 'filter' | 'sort' | 'columns'>, state: ListState): boolean {
  return (
    canonical(view.filter) !== canonical(state.filter) ||
    (view.sort || null) !== (state.sort || null) ||
    canonical(view.columns?.length ? view.columns : null) !== canonical(state.columns?.length ? state.columns : null)
  );
}

/** The address query that shows a view (`view`, `filter`, `sort`); no view clears all three. */
export function viewQuery(view: SavedView | null): Record<string, string | null> {
  return {
    view: view?.id ?? null,
    filter: view?.filter ? JSON.stringify(view.filter) : null,
    sort: view?.sort || null,
  };
}

/** The view last shown for an object, to open it again next time; null = the plain list. */
export function lastViewId(object: string): string | null {
  try {
    return localStorage.getItem(STORAGE_PREFIX + object);
  } catch {
    return null;
  }
}

export function rememberLastView(object: string, id: string | null): void {
  try {
    if (id) localStorage.setItem(STORAGE_PREFIX + object, id);
    else localStorage.removeItem(STORAGE_PREFIX + object);
  } catch {
    // Private mode: the list just opens plain next time.
  }
}
