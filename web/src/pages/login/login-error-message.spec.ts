import { describe, expect, it } from 'vitest';
import { ApiProblem } from '@/api/api-problem';
import { loginErrorMessage } from './login-error-message';

const t = (key: string, named?: Record<string, unknown>) => (named ? `${key} ${JSON.stringify(named)}` : key);
const problem = (status: number, extra: Partial<ConstructorParameters<typeof ApiProblem>[0]> = {}, retryAfter?: number) =>
  new ApiProblem({ type: 'about:blank', title: 'Failed', status, ...extra }, retryAfter);

describe('loginErrorMessage', () => {
  it('says the credentials are wrong on 401', () => {
    expect(loginErrorMessage(problem(401), t)).toBe('login.invalidCredentials');
  });

  it('says how long to wait on 429 when the server tells', () => {
    expect(loginErrorMessage(problem(429, {}, 90), t)).toBe('login.rateLimited {"seconds":90}');
    expect(loginErrorMessage(problem(429), t)).toBe('login.rateLimitedLater');
  });

  it('names a network failure, and passes the server message on otherwise', () => {
    expect(loginErrorMessage(ApiProblem.network(new TypeError('Failed to fetch')), t)).toBe('errors.network');
    expect(loginErrorMessage(problem(422, { errors: [{ path: '/email', message: 'must be an email' }] }), t)).toBe(
      'login.failed {"message":"must be an email"}',
    );
  });
});
