/** `CMP-{YYYY}-{0000}` + 42 on 2026-11-30 → `CMP-2026-0042`. Tokens: {YYYY} {YY} {MM} {DD} and one counter {0…}. */
export function formatAutonumber(pattern: string, counter: number, at: Date = new Date()): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return pattern
    .replace(/\{YYYY\}/g, String(at.getUTCFullYear()))
    .replace(/\{YY\}/g, pad(at.getUTCFullYear() % 100, 2))
    .replace(/\{MM\}/g, pad(at.getUTCMonth() + 1, 2))
    .replace(/\{DD\}/g, pad(at.getUTCDate(), 2))
    .replace(/\{(0+)\}/, (_, zeros: string) => pad(counter, zeros.length));
}
