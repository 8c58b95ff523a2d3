import { badRequest } from '../../common/problem.js';

/** The `ETag` of a record at `version`: `"3"` (what If-Match takes back). */
export const etagOf = (version: unknown): string => `"${version}"`;

/** Status and headers of a create's answer: 201 with Location and ETag, or 200 when an Idempotency-Key replayed it. */
export function createdAnswer(object: string, record: { id: string; version: unknown }, replayed: boolean) {
  return { status: replayed ? 200 : 201, headers: { location: `/api/records/${object}/${record.id}`, etag: etagOf(record.version) } };
}

/** `If-Match: "3"` (or W/"3") → 3; absent → undefined; anything else → 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) throw badRequest('If-Match must be the record version from its ETag, like "3"', [{ path: '/headers/if-match', message: 'is not a version' }]);
  return Number(m[1]);
}

/** An `Idempotency-Key` is 1–200 letters, digits, `.`, `_`, `:` or `-`; anything else → 400. */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key !== undefined && !/^[\w.:-]{1,200}$/.test(key)) {
    throw badRequest('Idempotency-Key must be 1-200 letters, digits, . _ : -', [{ path: '/headers/idempotency-key', message: 'is not valid' }]);
  }
}
