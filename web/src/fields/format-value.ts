import type { FieldDefinition } from './field-definition';
import { optionsOf } from './field-options';
import type { PipelineStages } from './field-options';

/** What a display formatter needs besides the value and the field. */
export interface FormatContext {
  locale: string;
  t: (key: string) => string;
  pipelines?: PipelineStages;
}

export type FieldFormatter = (value: unknown, field: FieldDefinition, context: FormatContext) => string;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Wraps a formatter so every type shows an empty value as ''. */
function skipEmpty(format: FieldFormatter): FieldFormatter {
  return (value, field, context) => (isEmpty(value) ? '' : format(value, field, context));
}

export const formatText = skipEmpty((value) => String(value));

/** Rich text is sanitized by the server; as plain display text its tags are dropped. */
export const formatRichText = skipEmpty((value) =>
  String(value)
    .replace(/<(br|\/p|\/div|\/li)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim(),
);

function toNumber(value: unknown): number | null {
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

export const formatInteger = skipEmpty((value, _field, { locale }) => {
  const number = toNumber(value);
  return number === null ? String(value) : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(number);
});

export const formatNumber = skipEmpty((value, _field, { locale }) => {
  const number = toNumber(value);
  return number === null ? String(value) : new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(number);
});

export const formatCurrency = skipEmpty((value, field, { locale }) => {
  const number = toNumber(value);
  if (number === null) return String(value);
  const options: Intl.NumberFormatOptions = field.currency
    ? { style: 'currency', currency: field.currency }
    : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
  return new Intl.NumberFormat(locale, options).format(number);
});

/** Percent fields hold 0–100 (a probability of 40 means 40 %). */
export const formatPercent = skipEmpty((value, _field, { locale }) => {
  const number = toNumber(value);
  if (number === null) return String(value);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(number / 100);
});

export const formatBoolean: FieldFormatter = (value, _field, { t }) =>
  value === null || value === undefined ? '' : t(value ? 'common.yes' : 'common.no');

/** `YYYY-MM-DD` is a calendar day: shown as that day in every time zone. */
export const formatDate = skipEmpty((value, _field, { locale }) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (!match) return String(value);
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
});

export const formatDateTime = skipEmpty((value, _field, { locale }) => {
  const at = new Date(String(value));
  if (Number.isNaN(at.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
});

export const formatOption = skipEmpty((value, field, { locale, pipelines }) => {
  const option = optionsOf(field, locale, pipelines).find((candidate) => candidate.value === String(value));
  return option?.label ?? String(value);
});

export const formatOptions = skipEmpty((value, field, context) => {
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => formatOption(item, field, context)).join(', ');
});

/** A relation or user: the expanded `{ title | name }` when the API sent one, else the id. */
export const formatReference = skipEmpty((value) => {
  const one = (item: unknown): string => {
    if (item && typeof item === 'object') {
      const record = item as { title?: unknown; name?: unknown; id?: unknown };
      return String(record.title ?? record.name ?? record.id ?? '');
    }
    return String(item);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
});

export const formatJson = skipEmpty((value) => (typeof value === 'string' ? value : JSON.stringify(value)));

export const formatRating = skipEmpty((value, field) => {
  const max = field.max ?? 5;
  const stars = Math.max(0, Math.min(max, Math.round(toNumber(value) ?? 0)));
  return '★'.repeat(stars) + '☆'.repeat(max - stars);
});
