/** Number formats of the charts, per locale (the axis, labels and tooltips). */

/** An amount: in the field's currency when it names one, else with two decimals. */
export function formatMoney(value: number, locale: string, currency?: string): string {
  const options: Intl.NumberFormatOptions = currency
    ? { style: 'currency', currency, maximumFractionDigits: 0 }
    : { minimumFractionDigits: 0, maximumFractionDigits: 2 };
  return new Intl.NumberFormat(locale, options).format(value);
}

/** A short amount for axes: 1.2M, 120K; 120万 in Chinese. */
export function formatCompact(value: number, locale: string, currency?: string): string {
  return new Intl.NumberFormat(locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
    ...(currency ? { style: 'currency', currency } : {}),
  }).format(value);
}

/** A rate given as a fraction 0–1. */
export function formatRate(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** `2026-11` → Nov 2026, `2026-Q4` → Q4 2026, `2026` → 2026 (each in the locale's words). */
export function formatPeriod(period: string, locale: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return locale.startsWith('zh') ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`;
  return period;
}
