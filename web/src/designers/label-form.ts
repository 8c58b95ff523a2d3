import type { Label } from '@loom/metadata';

/** A label as a designer edits it: English and Chinese text, remembering a plain-string label. */
export interface LabelForm {
  en: string;
  zh: string;
  /** The document held a plain string: it is written back as one while no Chinese text is added. */
  plain: boolean;
}

export function labelForm(label: Label | undefined | null): LabelForm {
  if (label === undefined || label === null) return { en: '', zh: '', plain: false };
  if (typeof label === 'string') return { en: label, zh: '', plain: true };
  return { en: label.en ?? '', zh: label['zh-CN'] ?? '', plain: false };
}

/** The document's label: undefined when both texts are empty, a string when it was one. */
export function labelFromForm(form: LabelForm): Label | undefined {
  const en = form.en.trim();
  const zh = form.zh.trim();
  if (!en && !zh) return undefined;
  if (form.plain && !zh) return en;
  return { ...(en ? { en } : {}), ...(zh ? { 'zh-CN': zh } : {}) };
}

/** Sets `key` on `target` only when the value is defined (documents never carry `undefined`). */
export function setDefined<T extends object, K extends string>(target: T, key: K, value: unknown): void {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
}

/** The properties of `document` a designer does not edit, kept as they were on save. */
export function extraProps(document: object | null | undefined, edited: readonly string[]): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document ?? {})) if (!edited.includes(key)) extra[key] = value;
  return extra;
}

/** A deep copy of JSON data (form state never shares objects with the stored document). */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
