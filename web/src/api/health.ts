import { isApiProblem } from './api-problem';
import { request } from './request';

export interface Health {
  status: string;
  db: string;
  queue: string;
  revision: number | null;
}

/** `/api/health`; a 503 (database down) is a health answer too, not a failure. */
export async function fetchHealth(): Promise<Health> {
  try {
    return await request<Health>('/api/health', { silent: true });
  } catch (error) {
    if (!isApiProblem(error) || error.status !== 503) throw error;
    const body = error.body;
    return {
      status: typeof body.status === 'string' ? body.status : 'down',
      db: typeof body.db === 'string' ? body.db : 'down',
      queue: typeof body.queue === 'string' ? body.queue : 'unknown',
      revision: typeof body.revision === 'number' ? body.revision : null,
    };
  }
}
