/** The locales every shipped label is translated into. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** A label: a plain string, or a map with one entry per locale. */
export type Label = string | LabelMap;
export type LabelMap = { [L in Locale]?: string };

/** Picks the text of a label for a locale, falling back to English, then to any entry. */
export function labelText(label: Label | undefined, locale: Locale = 'en'): string | undefined {
  if (label === undefined || typeof label === 'string') return label;
  return label[locale] ?? label.en ?? Object.values(label).find((v) => typeof v === 'string');
}
