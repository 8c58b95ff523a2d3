import type { SeededRandom } from '../seeded-random.js';

/** One generated record: its id (relations point at it), owner, creation time and field values. */
export interface DemoRow {
  id: string;
  owner: string;
  createdAt: Date;
  /** The last change (default: createdAt). */
  updatedAt?: Date;
  values: Record<string, unknown>;
}

/** A stage move of a generated record, written to core.stage_history. */
export interface DemoStageMove {
  recordId: string;
  from: string | null;
  to: string;
  at: Date;
  by: string;
}

/** The demo organisation's users, by what they do. */
export interface DemoOwners {
  /** Sales reps, each with the team they belong to. */
  reps: { id: string; team: string }[];
  service: string[];
  marketing: string;
}

/** How many records of each kind (orders, activities and tickets follow from them). */
export interface DemoSizes {
  accounts: number;
  contacts: number;
  opportunities: number;
  campaigns: number;
  tickets: number;
}

export const FULL_SIZES: DemoSizes = { accounts: 2000, contacts: 10000, opportunities: 5000, campaigns: 24, tickets: 1500 };

/** Everything a generator needs: the random source, the clock and the owners. */
export interface DemoContext {
  rng: SeededRandom;
  now: Date;
  owners: DemoOwners;
  sizes: DemoSizes;
}

export const DAY_MS = 86_400_000;

export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
/** A moment between two instants. */
export const between = (rng: SeededRandom, from: Date, to: Date): Date => new Date(from.getTime() + rng.next() * Math.max(0, to.getTime() - from.getTime()));
/** Money rounded to `step`. */
export const money = (rng: SeededRandom, min: number, max: number, step = 100): number => Math.round((min + rng.next() ** 2 * (max - min)) / step) * step;
