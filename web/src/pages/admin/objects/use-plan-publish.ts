import { reactive } from 'vue';
import { isApiProblem } from '@/api/api-problem';
import type { MigrationPlan, PublishMode } from '@/api/metadata-writes';

/** Re-previews at most this many times when the plan keeps changing under the admin. */
const MAX_PREVIEWS = 5;

/**
 * Every designer save goes preview → confirm → apply: the write runs with `?dryRun=true`,
 * its plan is shown, and only a confirmed plan is applied with `?plan=<hash>`. A 409 on apply
 * means the plan changed meanwhile: preview again and ask again. Problems of the preview
 * (422 on the form's fields, 409 name taken) are thrown to the caller.
 */
export function usePlanPublish() {
  const dialog = reactive({
    open: false,
    title: '',
    plan: null as MigrationPlan | null,
    applying: false,
    planChanged: false,
  });
  let decide: ((confirmed: boolean) => void) | null = null;

  async function publish<T extends { plan: MigrationPlan }>(title: string, write: (mode: PublishMode) => Promise<T>): Promise<T | null> {
    dialog.title = title;
    dialog.planChanged = false;
    try {
      for (let preview = 0; preview < MAX_PREVIEWS; preview += 1) {
        const previewed = await write({ dryRun: true });
        dialog.plan = previewed.plan;
        dialog.open = true;
        const confirmed = await new Promise<boolean>((resolve) => (decide = resolve));
        if (!confirmed) return null;
        dialog.applying = true;
        try {
          return await write({ plan: previewed.plan.hash });
        } catch (error) {
          if (!isApiProblem(error) || error.status !== 409) throw error;
          dialog.planChanged = true;
        } finally {
          dialog.applying = false;
        }
      }
      return null;
    } finally {
      dialog.open = false;
      decide = null;
    }
  }

  function confirm(): void {
    decide?.(true);
  }

  function cancel(): void {
    decide?.(false);
  }

  return { dialog, publish, confirm, cancel };
}
