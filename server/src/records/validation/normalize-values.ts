import type { FieldDef, ObjectDef } from '@loom/metadata';
import { normalizePhone, type CountryCode } from './normalize-phone.js';
import { sanitizeRichText } from './sanitize-rich-text.js';

export interface NormalizeOptions {
  /** Region for phone numbers written without a country code (default `CN`). */
  defaultPhoneRegion?: CountryCode;
}

/**
 * Validated write values → the values as stored (DESIGN.md §2: email, phone and url
 * "validated, stored normalized"; richtext sanitized on write). Text that trims to
 * nothing is stored as null, so `$empty`, unique indexes and required checks agree.
 * Fields other than the object's own (e.g. `owner`) pass through.
 */
export function normalizeValues(
  object: ObjectDef, values: Record<string, unknown>, options: NormalizeOptions = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const def = Object.hasOwn(object.fields, name) ? object.fields[name] : undefined;
    out[name] = def && value != null ? normalizeValue(def, value, options) : value;
  }
  return out;
}

function normalizeValue(def: FieldDef, value: unknown, options: NormalizeOptions): unknown {
  if (typeof value === 'string') {
    switch (def.type) {
      case 'text':
      case 'textarea':
        return blankToNull(value.trim());
      case 'richtext':
        return blankToNull(sanitizeRichText(value).trim());
      case 'email':
        return value.trim().toLowerCase();
      case 'phone':
        return normalizePhone(value, options.defaultPhoneRegion ?? 'CN');
      case 'url':
        return value.trim();
      default:
        return value; // dates, datetimes, keys and ids are kept as given
    }
  }
  if (Array.isArray(value) && def.type === 'tags') {
    return uniqueIgnoringCase(value.map((tag) => String(tag).trim()).filter((tag) => tag !== ''));
  }
  if (Array.isArray(value) && def.type === 'multiselect') return [...new Set(value)];
  return value;
}

function blankToNull(text: string): string | null {
  return text === '' ? null : text;
}

/** Keeps the first spelling of each tag: `['VIP', 'vip']` → `['VIP']`. */
function uniqueIgnoringCase(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
