import { computed, onScopeDispose, ref, shallowRef } from 'vue';
import type { Ref } from 'vue';
import type { ObjectDef } from '@loom/metadata';
import { ApiProblem, isApiProblem } from '@/api/api-problem';
import { revertImport, startImport } from '@/api/imports';
import type { ImportMode, ImportResult, RevertResult } from '@/api/imports';
import type { Job } from '@/api/jobs';
import { doublyMapped, importTargets, matchColumns } from './match-columns';
import { fileKind, readFileHeader } from './read-csv-header';
import { waitForJob } from './wait-for-job';

export type ImportStep = 'upload' | 'map' | 'preview' | 'import';

/**
 * The import wizard's state: file → mapping (read and auto-matched here for CSV; the server matches
 * XLSX headers itself) → dry run → import with progress → summary → revert. Every server call goes
 * through the public import and job endpoints.
 */
export function useImportWizard(object: Ref<ObjectDef>, locale: Ref<string>) {
  const step = ref<ImportStep>('upload');
  const file = shallowRef<File | null>(null);
  const kind = computed(() => (file.value ? fileKind(file.value) : 'csv'));
  const header = ref<string[]>([]);
  const mapping = ref<Record<string, string | null>>({});
  const mode = ref<ImportMode>('create');
  const matchOn = ref<string[]>([]);
  const targets = computed(() => importTargets(object.value, locale.value));
  const duplicateTargets = computed(() => doublyMapped(mapping.value));

  const busy = ref(false);
  const problem = shallowRef<ApiProblem | null>(null);
  const job = shallowRef<Job | null>(null);
  const jobId = ref<string | null>(null);
  const preview = shallowRef<ImportResult | null>(null);
  const result = shallowRef<ImportResult | null>(null);
  const reverted = shallowRef<RevertResult | null>(null);
  let controller: AbortController | null = null;
  // Closing the wizard stops the polling; the job itself runs on and can be seen in the job monitor.
  onScopeDispose(() => controller?.abort());

  function reset(): void {
    controller?.abort();
    step.value = 'upload';
    file.value = null;
    header.value = [];
    mapping.value = {};
    mode.value = 'create';
    matchOn.value = [];
    problem.value = preview.value = result.value = reverted.value = job.value = null;
    jobId.value = null;
  }

  async function chooseFile(chosen: File): Promise<void> {
    file.value = chosen;
    problem.value = preview.value = null;
    header.value = kind.value === 'csv' ? await readFileHeader(chosen) : [];
    mapping.value = matchColumns(header.value, object.value, targets.value);
  }

  /** Runs one job to its end, keeping its answers in `job` for the progress bar. */
  async function run<T>(start: () => Promise<{ job: string }>): Promise<{ id: string; result: T } | null> {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    busy.value = true;
    problem.value = null;
    job.value = null;
    try {
      const started = await start();
      const last = await waitForJob(started.job, { signal: current.signal, onProgress: (answer) => (job.value = answer) });
      if (last.status === 'failed') {
        problem.value = new ApiProblem({ type: 'loom:job-failed', title: last.error ?? 'The job failed', status: 500 });
        return null;
      }
      return { id: started.job, result: last.result as T };
    } catch (error) {
      if (isApiProblem(error)) problem.value = error;
      else if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
      return null;
    } finally {
      if (controller === current) busy.value = false;
    }
  }

  const request = (dryRun: boolean) => () =>
    startImport(object.value.name, {
      file: file.value!,
      mapping: kind.value === 'csv' ? mapping.value : undefined,
      mode: mode.value,
      matchOn: matchOn.value,
      dryRun,
    });

  async function dryRun(): Promise<void> {
    step.value = 'preview';
    preview.value = (await run<ImportResult>(request(true)))?.result ?? null;
  }

  async function commit(): Promise<string | null> {
    step.value = 'import';
    const done = await run<ImportResult>(request(false));
    result.value = done?.result ?? null;
    jobId.value = done?.id ?? null;
    return jobId.value;
  }

  async function revert(): Promise<void> {
    const imported = jobId.value;
    if (!imported) return;
    reverted.value = (await run<RevertResult>(() => revertImport(imported)))?.result ?? null;
  }

  return {
    step, file, kind, header, mapping, mode, matchOn, targets, duplicateTargets,
    busy, problem, job, preview, result, reverted, reset, chooseFile, dryRun, commit, revert,
  };
}
