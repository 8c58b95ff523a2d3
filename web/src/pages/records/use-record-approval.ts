import { ref } from 'vue';
import { isApiProblem } from '@/api/api-problem';
import { actOnApproval, getApproval, listApprovals, submitApproval } from '@/api/approvals';
import type { ApprovalDecision, ApprovalDetail, ApprovalSummary } from '@/api/approvals';
import { APPROVAL_PANEL_STATUSES, explainApprovalProblem } from './explain-approval-problem';
import type { ApprovalProblemExplanation } from './explain-approval-problem';

export interface RecordApprovalOptions {
  object: () => string;
  recordId: () => string;
  /** An action changed the record (locked it, moved its stage, set an outcome field). */
  onChanged: () => void;
  api?: {
    list: typeof listApprovals;
    get: typeof getApproval;
    submit: typeof submitApproval;
    act: typeof actOnApproval;
  };
}

/**
 * The approval requests of one record: the latest in full (steps, tasks, actions), the earlier ones
 * listed; submit, approve, reject and recall from the record page, refusals kept as words to show.
 */
export function useRecordApproval(options: RecordApprovalOptions) {
  const api = options.api ?? { list: listApprovals, get: getApproval, submit: submitApproval, act: actOnApproval };
  const requests = ref<ApprovalSummary[]>([]);
  const current = ref<ApprovalDetail | null>(null);
  const loading = ref(false);
  const acting = ref(false);
  const problem = ref<ApprovalProblemExplanation | null>(null);
  let generation = 0;

  async function load(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    try {
      const page = await api.list({ box: 'all', object: options.object(), recordId: options.recordId(), limit: 20 }, { silent: true });
      const latest = page.data[0] ? await api.get(page.data[0].id) : null;
      if (mine !== generation) return;
      requests.value = page.data;
      current.value = latest;
    } catch {
      if (mine === generation) current.value = null;
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  async function run(during: 'submit' | 'act', call: () => Promise<ApprovalDetail>): Promise<boolean> {
    acting.value = true;
    problem.value = null;
    try {
      current.value = await call();
      options.onChanged();
      void load();
      return true;
    } catch (error) {
      if (!isApiProblem(error)) throw error;
      if (APPROVAL_PANEL_STATUSES.includes(error.status)) {
        problem.value = explainApprovalProblem(error, during);
        if (problem.value.reload) void load();
      }
      return false;
    } finally {
      acting.value = false;
    }
  }

  const submit = (comment: string) =>
    run('submit', () => api.submit({ object: options.object(), recordId: options.recordId(), ...(comment.trim() ? { comment: comment.trim() } : {}) }));

  function act(action: Exclude<ApprovalDecision, 'comment'>, comment: string): Promise<boolean> {
    const id = current.value?.id;
    if (!id) return Promise.resolve(false);
    return run('act', () => api.act(id, action, comment, { expect: APPROVAL_PANEL_STATUSES }));
  }

  return { requests, current, loading, acting, problem, load, submit, act };
}
