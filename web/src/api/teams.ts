import { request } from './request';
import type { Reference } from './reference';

export interface Team {
  id: string;
  name: string;
  parent: Reference;
}

export interface TeamInput {
  name: string;
  parent: string | null;
}

const FORM_STATUSES = [409, 422];

export function listTeams(): Promise<Team[]> {
  return request<Team[]>('/api/teams');
}

export function createTeam(input: TeamInput): Promise<Team> {
  return request<Team>('/api/teams', { method: 'POST', body: input, expect: FORM_STATUSES });
}

export function updateTeam(id: string, input: Partial<TeamInput>): Promise<Team> {
  return request<Team>(`/api/teams/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, expect: FORM_STATUSES });
}

export function deleteTeam(id: string): Promise<void> {
  return request<void>(`/api/teams/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
