/** What `{{…}}` may read: the triggering record, the acting user, the event. Nothing else, no code. */
export interface TemplateContext {
  record?: Record<string, unknown> | null;
  user?: { id: string; email?: string; name?: string } | null;
  event?: { id: string; type: string; at: string; data?: Record<string, unknown> };
  changes?: Record<string, { from: unknown; to: unknown }>;
  automation?: string;
  /** `$now`; also `$today` as its UTC date unless `today` is given. */
  now: Date;
  today?: string;
}

const WHOLE = /^\{\{\s*([A-Za-z0-9_.]+)\s*\}\}$/;
const PART = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g;
const UNSAFE = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Renders a template value: `"$today"` / `"$now"`, a whole `"{{record.owner}}"` keeps the value's
 * type, `{{path}}` inside text becomes text (missing → empty); objects and arrays render deeply.
 * @example renderTemplate('Call {{record.name}}', { record: { name: 'Ann' }, now }) // 'Call Ann'
 */
export function renderTemplate(value: unknown, ctx: TemplateContext): unknown {
  if (typeof value === 'string') return renderString(value, ctx);
  if (Array.isArray(value)) return value.map((v) => renderTemplate(v, ctx));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!UNSAFE.has(k)) out[k] = renderTemplate(v, ctx);
    return out;
  }
  return value;
}

/** Text rendering (subjects, messages, addresses): always a string. */
export function renderText(value: string, ctx: TemplateContext): string {
  return value.replace(PART, (_, path: string) => asText(lookupPath(ctx, path)));
}

function renderString(value: string, ctx: TemplateContext): unknown {
  if (value === '$today') return today(ctx);
  if (value === '$now') return ctx.now.toISOString();
  const whole = WHOLE.exec(value);
  if (whole) return lookupPath(ctx, whole[1]) ?? null;
  return renderText(value, ctx);
}

/** `record.account.name`: own properties only, at most 6 steps; `today` and `now` are roots too. */
export function lookupPath(ctx: TemplateContext, path: string): unknown {
  const parts = path.split('.');
  if (parts.length > 6 || parts.some((p) => !p || UNSAFE.has(p))) return undefined;
  const roots: Record<string, unknown> = {
    record: ctx.record, user: ctx.user, event: ctx.event, changes: ctx.changes, automation: ctx.automation,
    today: today(ctx), now: ctx.now.toISOString(),
  };
  let current: unknown = roots;
  for (const p of parts) {
    if (!isRecord(current) || !Object.hasOwn(current, p)) return undefined;
    current = current[p];
  }
  return current;
}

function today(ctx: TemplateContext): string {
  return ctx.today ?? ctx.now.toISOString().slice(0, 10);
}

function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}
