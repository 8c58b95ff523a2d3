import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import { useAuthStore } from '@/stores/auth';
import { router } from '@/router';
import { i18n } from '@/i18n';
import { ApiProblem } from './api-problem';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  /** Statuses the caller handles itself (e.g. 422 onto a form): no toast for them. */
  expect?: readonly number[];
  /** No toast for any failure (background calls such as the notification count). */
  silent?: boolean;
  /** Send no token, and treat 401 as an ordinary answer instead of an ended session (login). */
  anonymous?: boolean;
  signal?: AbortSignal;
}

/** A successful answer with its headers (for `ETag`, `Content-Disposition`). */
export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
}

/**
 * The one fetch wrapper of the web client: adds the bearer token, sends and
 * parses JSON, and turns every failure into a thrown {@link ApiProblem}.
 * A 401 ends the session and returns to the login page; failures the caller
 * did not `expect` are shown as a toast.
 */
export async function request<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await requestWithResponse<T>(path, options)).data;
}

/** {@link request}, keeping the status and headers of the answer. */
export async function requestWithResponse<T = unknown>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const response = await send(path, options);
  return { data: (await readBody(response)) as T, status: response.status, headers: response.headers };
}

/** A file download (exports): the body as a Blob and the file name the server suggested. */
export async function requestBlob(path: string, options: RequestOptions = {}): Promise<{ blob: Blob; filename: string | null }> {
  const response = await send(path, { ...options, headers: { Accept: '*/*', ...options.headers } });
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const auth = useAuthStore();
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // FormData (uploads) sets its own multipart Content-Type with the boundary.
  const form = typeof FormData !== 'undefined' && options.body instanceof FormData ? options.body : null;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (!options.anonymous && auth.token) headers.Authorization = `Bearer ${auth.token}`;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    const problem = ApiProblem.network(cause);
    if (!options.silent && !options.expect?.includes(0)) ElMessage.error(i18n.global.t('errors.network'));
    throw problem;
  }

  if (response.ok) return response;

  const problem = await ApiProblem.fromResponse(response);
  if (problem.status === 401 && !options.anonymous) {
    endSession();
  } else if (!options.silent && !options.expect?.includes(problem.status)) {
    ElMessage.error(problem.detail || problem.title || i18n.global.t('errors.unexpected', { status: problem.status }));
  }
  throw problem;
}

/** `attachment; filename="x.csv"` or RFC 5987 `filename*=UTF-8''x%20y.csv`. */
export function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1]!.trim() : null;
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const contentType = response.headers.get('Content-Type') ?? '';
  return contentType.includes('json') ? JSON.parse(text) : text;
}

/** The token was refused: forget it and go to /login, coming back here after signing in. */
function endSession(): void {
  const auth = useAuthStore();
  const hadSession = auth.isAuthenticated;
  auth.clearSession();
  const current = router.currentRoute.value;
  // Before the first navigation settles, the route guard sends the user to /login itself.
  if (current.matched.length === 0 || current.meta.public) return;
  if (hadSession) ElMessage.warning(i18n.global.t('errors.sessionExpired'));
  void router.replace({ name: 'login', query: { redirect: current.fullPath } });
}
