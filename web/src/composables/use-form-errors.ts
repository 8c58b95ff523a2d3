import { reactive, ref } from 'vue';
import { isApiProblem } from '@/api/api-problem';
import { formErrorsFromProblem } from '@/api/problem-form-errors';

/** Server validation messages for one form: per field (for `el-form-item :error`) and general. */
export function useFormErrors(props: readonly string[]) {
  const fields = reactive<Record<string, string>>({});
  const general = ref<string[]>([]);

  function clear(): void {
    for (const key of Object.keys(fields)) delete fields[key];
    general.value = [];
  }

  /** Shows an API problem on the form; returns false for anything that is not a problem. */
  function apply(error: unknown): boolean {
    clear();
    if (!isApiProblem(error)) return false;
    const mapped = formErrorsFromProblem(error, props);
    Object.assign(fields, mapped.fields);
    general.value = mapped.general;
    return true;
  }

  return { fields, general, apply, clear };
}
