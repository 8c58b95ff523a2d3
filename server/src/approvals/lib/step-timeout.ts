import type { StepTimeout } from '@loom/metadata';

const MINUTE_MS = 60_000;

/** A step timeout in milliseconds: the units add up and may be fractions (`{ minutes: 0.05 }` is 3 s); none → null. */
export function timeoutMs(timeout: StepTimeout | undefined): number | null {
  if (!timeout) return null;
  const minutes = (timeout.days ?? 0) * 1440 + (timeout.hours ?? 0) * 60 + (timeout.minutes ?? 0);
  return minutes > 0 ? Math.round(minutes * MINUTE_MS) : null;
}
