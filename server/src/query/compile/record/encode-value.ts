/**
 * How a column's text (PostgreSQL's output, no driver parsing) becomes the JSON the API answers —
 * the same JSON value `to_json` would give for the field's kind. The encodings a hot list or GET
 * needs are cheap in Node; anything else is selected as JSON already (`json`) and pasted.
 */
export type Encoding = 'string' | 'uuid' | 'number' | 'boolean' | 'datetime' | 'json';

/** The JSON text of one column value; SQL NULL is `null` whatever the encoding. */
export function encodeValue(encoding: Encoding, text: string | null): string {
  if (text === null) return 'null';
  switch (encoding) {
    case 'uuid': return `"${text}"`;
    case 'string': return JSON.stringify(text);
    case 'number': return isJsonNumber(text) ? text : JSON.stringify(text);
    case 'boolean': return text === 't' ? 'true' : 'false';
    case 'datetime': return datetimeJson(text);
    case 'json': return text;
  }
}

/** PostgreSQL's numeric text is a JSON number unless it is NaN or ±Infinity (which to_json quotes). */
function isJsonNumber(text: string): boolean {
  const c = text.charCodeAt(text.charCodeAt(0) === 45 ? 1 : 0); // after a leading '-'
  return c >= 48 && c <= 57;
}

/** `YYYY-MM-DD HH:MM:SS[.ffffff][ BC]`, a `timestamp` in DateStyle ISO (the pg driver assumes it too). */
const TIMESTAMP = /^(\d{4,})-(\d\d)-(\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?(?: BC)?$/;

/**
 * A UTC `timestamp`'s text (the field `AT TIME ZONE 'UTC'`) as the API's datetime: ISO 8601 with
 * milliseconds (truncated, not rounded) and `Z` — exactly what `to_char(…, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
 * spells, BC years and years past 9999 included; `infinity` has no such spelling and is null (as to_char's).
 * @example datetimeJson('2026-11-30 17:04:05.12') // '"2026-11-30T17:04:05.120Z"'
 */
export function datetimeJson(text: string): string {
  // the common case: a 4-digit AD year, sliced without a regex
  if (text.length >= 19 && text.charCodeAt(10) === 32 && (text.length === 19 || (text.charCodeAt(19) === 46 && text.length <= 26))) {
    const ms = text.length === 19 ? '000' : (text.slice(20) + '00').slice(0, 3);
    return `"${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}Z"`;
  }
  const m = TIMESTAMP.exec(text);
  if (!m) return 'null';
  return `"${m[1]}-${m[2]}-${m[3]}T${m[4]}.${((m[5] ?? '') + '000').slice(0, 3)}Z"`;
}
