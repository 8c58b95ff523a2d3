import { request } from './request';
import type { Reference } from './reference';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

export interface LoginResult {
  accessToken: string;
  user: SessionUser;
}

/** `GET /api/auth/me`: the signed-in user with team, manager and a permission summary. */
export interface CurrentUser extends SessionUser {
  team?: Reference;
  manager?: Reference;
  permissions?: unknown;
}

/** Network failure (0), 401 (bad credentials), 422 and 429 (rate limited) are for the login form to show. */
export function login(email: string, password: string): Promise<LoginResult> {
  return request<LoginResult>('/api/auth/login', {
    method: 'POST',
    body: { email, password },
    anonymous: true,
    expect: [0, 401, 422, 429],
  });
}

export function fetchCurrentUser(): Promise<CurrentUser> {
  return request<CurrentUser>('/api/auth/me');
}
