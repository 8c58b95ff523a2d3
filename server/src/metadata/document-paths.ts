import { ProblemError, type ProblemItem } from '../common/problem.js';

/** `path` inside the document at `prefix` of the set (`/layouts/deal_form/sections/0` → `/sections/0`); others unchanged. */
export function relativePath(path: string, prefix: string): string {
  if (path === prefix) return '/';
  return path.startsWith(prefix + '/') ? path.slice(prefix.length) : path;
}

/**
 * A single-document write validates the whole effective set, whose error paths start at the set
 * (`/layouts/deal_form/…`). API.md promises paths into the document the client sent: rewrite the
 * ones inside it; errors about other documents keep their set paths.
 */
export async function withDocumentPaths<T>(prefix: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const errors = e instanceof ProblemError ? e.body.errors as ProblemItem[] | undefined : undefined;
    if (e instanceof ProblemError && e.status === 422 && Array.isArray(errors)) {
      e.body.errors = errors.map((item) => ({ ...item, path: relativePath(item.path, prefix) }));
    }
    throw e;
  }
}
