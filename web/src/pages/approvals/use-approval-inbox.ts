import { reactive, ref } from 'vue';
import { actOnApproval, getApprovalRecord, listApprovals } from '@/api/approvals';
import type { ApprovalBox, ApprovalDecision, ApprovalDetail, ApprovalStatus, ApprovalSummary } from '@/api/approvals';
import { listRecords } from '@/api/records';
import type { RecordData } from '@/api/records';

const PAGE = 50;

export interface InboxApi {
  list: typeof listApprovals;
  act: typeof actOnApproval;
  record: typeof getApprovalRecord;
  records: typeof listRecords;
}

export interface InboxOptions {
  /** Which boxes the user has (`all` is for admins). */
  boxes: ApprovalBox[];
  /** The title field of an object, to fetch only what a row shows. */
  titleFieldOf: (object: string) => string | undefined;
  /** A request changed (the nav badge counts again). */
  onChanged?: () => void;
  api?: InboxApi;
}

/**
 * The approval inbox: one box and status at a time, pending counts for every box, the records
 * the requests are about (for their titles), and the actions, which update the list in place.
 */
export function useApprovalInbox(options: InboxOptions) {
  const api = options.api ?? { list: listApprovals, act: actOnApproval, record: getApprovalRecord, records: listRecords };
  const box = ref<ApprovalBox>(options.boxes[0] ?? 'inbox');
  /** '' lists every status. */
  const status = ref<ApprovalStatus | ''>('pending');
  const rows = ref<ApprovalSummary[]>([]);
  const total = ref(0);
  const loading = ref(false);
  /** The request an action is running on. */
  const acting = ref<string | null>(null);
  /** Pending requests per box (the tab badges). */
  const counts = reactive<Partial<Record<ApprovalBox, number>>>({});
  /** The record of each request by request id; null when it could not be read. */
  const records = ref<Record<string, RecordData | null>>({});

  let generation = 0;
  async function load(more = false): Promise<void> {
    const current = ++generation;
    loading.value = true;
    try {
      const answer = await api.list({
        box: box.value,
        ...(status.value ? { status: status.value } : {}),
        limit: PAGE,
        offset: more ? rows.value.length : 0,
      });
      if (current !== generation) return;
      rows.value = more ? [...rows.value, ...answer.data] : answer.data;
      total.value = answer.total;
      if (typeof answer.counts?.pending === 'number') counts[box.value] = answer.counts.pending;
      void loadRecords(answer.data);
    } catch {
      // request.ts has shown the problem; the list keeps what it had.
    } finally {
      if (current === generation) loading.value = false;
    }
  }

  /** Pending counts of the boxes (but the one just listed, unless `every`), each from a one-row page. */
  async function loadCounts(every = false): Promise<void> {
    await Promise.all(
      options.boxes
        .filter((candidate) => every || candidate !== box.value || status.value !== 'pending')
        .map(async (candidate) => {
          try {
            const answer = await api.list({ box: candidate, status: 'pending', limit: 1 }, { silent: true });
            counts[candidate] = answer.counts?.pending ?? answer.total;
          } catch {
            // A count is a hint; leave it out.
          }
        }),
    );
  }

  /**
   * Titles first from the records API in one request per object (with the owner's name), then,
   * for records outside the caller's read scope, from each request's own record endpoint.
   */
  async function loadRecords(requests: ApprovalSummary[]): Promise<void> {
    const wanted = requests.filter((request) => !(request.id in records.value));
    const byObject = new Map<string, ApprovalSummary[]>();
    for (const request of wanted) byObject.set(request.object, [...(byObject.get(request.object) ?? []), request]);
    const found: Record<string, RecordData | null> = {};
    await Promise.all(
      [...byObject].map(async ([object, list]) => {
        const titleField = options.titleFieldOf(object);
        try {
          const page = await api.records(object, {
            filter: { id: { $in: [...new Set(list.map((request) => request.recordId))] } },
            fields: titleField ? [titleField, 'owner'] : ['owner'],
            expand: ['owner'],
            limit: 500,
          });
          const byId = new Map(page.data.map((record) => [record.id, record]));
          for (const request of list) if (byId.has(request.recordId)) found[request.id] = byId.get(request.recordId)!;
        } catch {
          // Not readable through the records API: the request's record endpoint below.
        }
      }),
    );
    await Promise.all(
      wanted
        .filter((request) => !(request.id in found))
        .map(async (request) => {
          found[request.id] = await api.record(request.id).catch(() => null);
        }),
    );
    records.value = { ...records.value, ...found };
  }

  /** Approve, reject, recall or comment; the row takes the request's new state (or leaves the pending list). */
  async function act(id: string, action: ApprovalDecision, comment?: string): Promise<ApprovalDetail | null> {
    acting.value = id;
    try {
      const next = await api.act(id, action, comment);
      const decided = action !== 'comment';
      // The pending inbox holds what waits for the caller: a decided task leaves it even when a later step is pending.
      const waitsNoMore = box.value === 'inbox' && status.value === 'pending' && decided;
      const leaves = status.value !== '' && (next.status !== status.value || waitsNoMore);
      const changes = summaryOf(next, decided);
      rows.value = leaves ? rows.value.filter((row) => row.id !== id) : rows.value.map((row) => (row.id === id ? { ...row, ...changes } : row));
      if (leaves) total.value = Math.max(0, total.value - 1);
      options.onChanged?.();
      void loadCounts(true);
      return next;
    } catch {
      return null;
    } finally {
      acting.value = null;
    }
  }

  return { box, status, rows, total, loading, acting, counts, records, load, loadCounts, act };
}

/** A detail answer reduced to what a list row holds; after a decision the caller's task is closed. */
function summaryOf(detail: ApprovalDetail, decided: boolean): Partial<ApprovalSummary> {
  const summary: Partial<ApprovalDetail> = { ...detail };
  delete summary.steps;
  delete summary.tasks;
  delete summary.actions;
  delete summary.allowRecall;
  return decided ? { ...summary, myTask: null } : summary;
}
