/** A metadata label: a plain string or a map of locale → text. */
export type Label = string | Readonly<Record<string, string | undefined>>;

/**
 * Picks the text of a metadata label for a locale: the exact locale, then the
 * same language (`zh` for `zh-CN`), then English, then any text there is.
 */
export function labelOf(label: Label | null | undefined, locale: string, fallback = ''): string {
  if (label == null) return fallback;
  if (typeof label === 'string') return label || fallback;
  const exact = label[locale];
  if (exact) return exact;
  const language = locale.split('-')[0]!.toLowerCase();
  for (const [key, text] of Object.entries(label)) {
    if (text && key.split('-')[0]!.toLowerCase() === language) return text;
  }
  if (label.en) return label.en;
  const any = Object.values(label).find((text) => !!text);
  return any ?? fallback;
}
