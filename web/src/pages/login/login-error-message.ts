import { isApiProblem } from '@/api/api-problem';

type Translate = (key: string, named?: Record<string, unknown>) => string;

/** What the login form says under itself when signing in failed. */
export function loginErrorMessage(error: unknown, t: Translate): string {
  if (!isApiProblem(error)) return t('login.failed', { message: String(error) });
  if (error.isNetworkError) return t('errors.network');
  if (error.status === 401) return t('login.invalidCredentials');
  if (error.status === 429) {
    return error.retryAfter !== undefined
      ? t('login.rateLimited', { seconds: error.retryAfter })
      : t('login.rateLimitedLater');
  }
  const firstFieldMessage = error.errors[0]?.message;
  return t('login.failed', { message: firstFieldMessage ?? error.detail ?? error.title });
}
