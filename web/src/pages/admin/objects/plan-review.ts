import type { ChangeClass, MigrationPlan } from '@/api/metadata-writes';

export const CHANGE_CLASSES: readonly ChangeClass[] = ['safe', 'breaking', 'destructive'];

/** Element Plus tag colours: green safe, amber breaking, red destructive. */
export function classTagType(changeClass: ChangeClass): 'success' | 'warning' | 'danger' {
  return changeClass === 'destructive' ? 'danger' : changeClass === 'breaking' ? 'warning' : 'success';
}

/** How many changes of each class the plan holds. */
export function classCounts(plan: MigrationPlan): Record<ChangeClass, number> {
  const counts: Record<ChangeClass, number> = { safe: 0, breaking: 0, destructive: 0 };
  for (const change of plan.changes) counts[change.class] = (counts[change.class] ?? 0) + 1;
  return counts;
}

/** The worst class in the plan (safe for a plan with no changes). */
export function planRisk(plan: MigrationPlan): ChangeClass {
  const counts = classCounts(plan);
  return counts.destructive ? 'destructive' : counts.breaking ? 'breaking' : 'safe';
}

/** Breaking and destructive plans are applied only after the admin says they understand. */
export function needsAcknowledgement(plan: MigrationPlan): boolean {
  return planRisk(plan) !== 'safe';
}

/** where-used entries as `{ path, usedBy }`, whichever shape the server sent. */
export function whereUsedEntries(plan: MigrationPlan): Array<{ path: string; usedBy: string[] }> {
  return (plan.whereUsed ?? []).map((entry) => (typeof entry === 'string' ? { path: entry, usedBy: [] } : entry));
}
