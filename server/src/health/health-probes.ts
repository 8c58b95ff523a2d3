/** What /api/health asks the rest of the system; each capability module contributes its part. */
export interface HealthProbes {
  queue(): Promise<'ok' | 'inline' | 'down'>;
  revision(): Promise<number | null>;
  plugins(): { name: string; state: string; error?: string }[];
}

export const HEALTH_PROBES = Symbol('HEALTH_PROBES');
