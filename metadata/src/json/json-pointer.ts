/** Escapes one JSON Pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON Pointer from segments: `pointer('fields', 'amount')` → `/fields/amount`. */
export function pointer(...segments: (string | number)[]): string {
  return segments.map((s) => '/' + escapePointerSegment(s)).join('');
}

/** Appends segments to an existing pointer. */
export function childPointer(base: string, ...segments: (string | number)[]): string {
  return base + pointer(...segments);
}
