import type { ApiProblem } from './api-problem';

export interface FormErrors {
  /** Message per form item prop (what `<el-form-item :error>` shows). */
  fields: Record<string, string>;
  /** Messages that belong to no field of this form. */
  general: string[];
}

/** `/address/city` → `address.city`, unescaping `~1` and `~0` (RFC 6901). */
export function pointerToProp(pointer: string): string {
  return pointer
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/**
 * Puts a problem's `errors[].path` onto the given form item props; a path
 * below a prop (`/roles/0` for `roles`) goes to that prop. Whatever fits no
 * prop, and a problem without `errors`, ends up in `general`.
 */
export function formErrorsFromProblem(problem: ApiProblem, props: readonly string[]): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  if (problem.errors.length === 0) {
    result.general.push(problem.detail || problem.title);
    return result;
  }
  const byLength = [...props].sort((a, b) => b.length - a.length);
  for (const error of problem.errors) {
    const path = pointerToProp(error.path);
    const prop = byLength.find((candidate) => path === candidate || path.startsWith(`${candidate}.`));
    if (prop === undefined) {
      result.general.push(path ? `${path}: ${error.message}` : error.message);
    } else {
      result.fields[prop] = result.fields[prop] ? `${result.fields[prop]}; ${error.message}` : error.message;
    }
  }
  return result;
}
