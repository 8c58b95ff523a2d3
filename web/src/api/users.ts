import { request } from './request';
import type { Reference } from './reference';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  team: Reference;
  manager: Reference;
  active: boolean;
}

/** Body of create and update; `password` only when it is set or changed. */
export interface UserInput {
  email: string;
  name: string;
  password?: string;
  roles: string[];
  team: string | null;
  manager: string | null;
  active: boolean;
}

const FORM_STATUSES = [409, 422];

export function listUsers(): Promise<User[]> {
  return request<User[]>('/api/users');
}

export function createUser(input: UserInput): Promise<User> {
  return request<User>('/api/users', { method: 'POST', body: input, expect: FORM_STATUSES });
}

export function updateUser(id: string, input: Partial<UserInput>): Promise<User> {
  return request<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, expect: FORM_STATUSES });
}

/** `DELETE` deactivates: the user can no longer sign in, and their records keep a valid owner. */
export function deactivateUser(id: string): Promise<User> {
  return request<User>(`/api/users/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
