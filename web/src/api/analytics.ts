import { isApiProblem } from './api-problem';
import { request } from './request';

/** API.md "Shapes clients rely on" → "Analytics answers": amounts as numbers, rates as fractions 0–1. */
export interface FunnelStage {
  key: string;
  label: string;
  entered: number;
  converted: number;
  conversionRate: number;
  medianDaysInStage: number | null;
}
export interface FunnelAnswer {
  pipeline: string;
  stages: FunnelStage[];
}

export interface ForecastPeriod {
  /** `2026-11`, `2026-Q4` or `2026`. */
  period: string;
  open: number;
  weighted: number;
  won: number;
}
export interface ForecastAnswer {
  periods: ForecastPeriod[];
}

export interface RfmCustomer {
  id: string;
  title: string;
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
}
export interface RfmAnswer {
  customers: RfmCustomer[];
  segments: Record<string, number>;
}

export interface BehaviourCustomer {
  id: string;
  title: string;
  activities: number;
  byType: Record<string, number>;
  segment: string;
}
/** server/src/analytics/README.md "Behaviour segments": every segment key present, the dormant ones included. */
export interface BehaviourAnswer {
  customers: BehaviourCustomer[];
  segments: Record<string, number>;
}

export interface OwnerPerformance {
  owner: string;
  name: string;
  wonAmount: number;
  wonCount: number;
  lostCount: number;
  winRate: number;
  activities: number;
}
export interface PerformanceAnswer {
  owners: OwnerPerformance[];
}

export type AnalyticsPeriod = 'month' | 'quarter' | 'year';

/**
 * A report as the dashboard shows it: its data, or why there is none — `missing` while the server
 * has no such endpoint (404), `forbidden` when a metric reads a field the caller may not see (403).
 */
export type Report<T> = { state: 'ok'; data: T } | { state: 'missing' } | { state: 'forbidden' };

async function report<T>(path: string, query: Record<string, string>): Promise<Report<T>> {
  try {
    return { state: 'ok', data: await request<T>(`/api/analytics/${path}`, { query, expect: [403, 404] }) };
  } catch (error) {
    if (isApiProblem(error) && error.status === 404) return { state: 'missing' };
    if (isApiProblem(error) && error.status === 403) return { state: 'forbidden' };
    throw error;
  }
}

export const fetchFunnel = (pipeline: string) => report<FunnelAnswer>('funnel', { pipeline });
export const fetchForecast = (pipeline: string, period: AnalyticsPeriod) => report<ForecastAnswer>('forecast', { pipeline, period });
export const fetchRfm = (object: string) => report<RfmAnswer>('rfm', { object });
/** `from`/`to` are inclusive UTC dates (`YYYY-MM-DD`); both left out = all time. */
export const fetchBehaviour = (object: string, window: { from?: string; to?: string } = {}) =>
  report<BehaviourAnswer>('behaviour', { object, ...(window.from ? { from: window.from } : {}), ...(window.to ? { to: window.to } : {}) });
export const fetchPerformance = (period: AnalyticsPeriod) => report<PerformanceAnswer>('performance', { period });
