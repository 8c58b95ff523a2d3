import type { Component } from 'vue';

/** A label in each UI language, or one string for all. */
export type WebLabel = string | { en?: string; 'zh-CN'?: string };

/** Messages of a plugin's UI, per language, reachable in its components as `t('plugin.<name>.<key>')` (vue-i18n's useI18n). */
export type WebMessages = { en?: Record<string, unknown>; 'zh-CN'?: Record<string, unknown> };

/** What a problem+json failure rejects with. */
export interface WebApiProblem { status: number; title?: string; detail?: string; errors?: { path: string; message: string }[] }

/**
 * The public HTTP API as the signed-in user (the host adds the token; a 401 ends the session). Paths
 * must start with `/api/` — plugin web code reaches the server only through the public API.
 * @example const account = await api.request<{ balance: number }>(`/api/plugins/loyalty/members/${recordId}`);
 */
export interface LoomWebApi {
  request<T = unknown>(path: string, init?: { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; query?: Record<string, string | number | boolean | undefined>; body?: unknown }): Promise<T>;
}

/** The chart component of the host (ECharts, themed like the built-in dashboards). Props: `option`, `label`, `height`. */
export interface WebHost {
  api: LoomWebApi;
  /** 'en' | 'zh-CN' */
  locale: string;
  Chart: Component;
}

/** Props of a record panel component. */
export interface RecordPanelProps { host: WebHost; object: string; recordId: string; record: Record<string, unknown> }
/** Props of a dashboard widget component. */
export interface DashboardWidgetProps { host: WebHost }
/** Props of a field renderer component (it displays one value; editing stays the host's). */
export interface FieldRendererProps { value: unknown; object: string; field: string; record?: Record<string, unknown> }

/** A tab of the object's record page (after Details and History), titled `title`, loaded when first opened. */
export interface WebRecordPanel { id: string; object: string; title: WebLabel; component: Component; order?: number }
export interface WebDashboardWidget { id: string; title: WebLabel; component: Component; order?: number; /** 2 = full width */ span?: 1 | 2 }
/** A page mounted at `/p/<plugin><path>`; it receives `host` as a prop. */
export interface WebRoute { path: string; component: Component | (() => Promise<Component | { default: Component }>); title?: WebLabel }
/** A sidebar entry: `path` is one of the plugin's routes (`/p/<plugin>/…`) or any app path. */
export interface WebMenuItem { label: WebLabel; path: string; order?: number }
/** Replaces the display of a field: by `object` + `field`, or of every field of a `type`. */
export interface WebFieldRenderer { object?: string; field?: string; type?: string; component: Component }
/** A button over an object's list; `run` gets the selected ids. A returned string is shown as a message. */
export interface WebListAction {
  id: string; object: string; label: WebLabel;
  /** Shown only with a selection (default true). */
  needsSelection?: boolean;
  run(ctx: { object: string; ids: string[]; host: WebHost }): Promise<string | void> | string | void;
}

export interface WebPluginDefinition {
  messages?: WebMessages;
  routes?: WebRoute[];
  menu?: WebMenuItem[];
  recordPanels?: WebRecordPanel[];
  fieldRenderers?: WebFieldRenderer[];
  listActions?: WebListAction[];
  dashboardWidgets?: WebDashboardWidget[];
}

const IDENT = /^[a-z][a-z0-9_]{0,62}$/;
const ID = /^[a-z][a-z0-9_-]{0,62}$/;

/**
 * Declares a plugin's web side (the file `plugin.json`'s `web` names). The host loads it only while
 * the plugin is enabled and compiles it with its own Vue and Element Plus. Returns it unchanged, frozen.
 * @example
 * export default defineWebPlugin({
 *   messages: { en: { points: 'Points' }, 'zh-CN': { points: '积分' } },
 *   recordPanels: [{ id: 'points', object: 'contact', title: { en: 'Points', 'zh-CN': '积分' }, component: PointsPanel }],
 * });
 */
export function defineWebPlugin<T extends WebPluginDefinition>(definition: T): Readonly<T> {
  const ids = (kind: string, items: { id: string }[] = []) => {
    const seen = new Set<string>();
    for (const { id } of items) {
      if (!ID.test(id)) throw new TypeError(`${kind}: "${id}" is not an id (lower-case letters, digits, _ and -)`);
      if (seen.has(id)) throw new TypeError(`${kind}: "${id}" is used twice`);
      seen.add(id);
    }
  };
  ids('recordPanels', definition.recordPanels);
  ids('dashboardWidgets', definition.dashboardWidgets);
  ids('listActions', definition.listActions);
  for (const p of [...(definition.recordPanels ?? []), ...(definition.listActions ?? [])]) {
    if (!IDENT.test(p.object)) throw new TypeError(`"${p.object}" is not an object name`);
  }
  for (const r of definition.routes ?? []) {
    if (!r.path.startsWith('/') || r.path.includes('..')) throw new TypeError(`route path "${r.path}" must start with / (it is mounted under /p/<plugin>)`);
  }
  for (const f of definition.fieldRenderers ?? []) {
    if (!f.type && !(f.object && f.field)) throw new TypeError('a field renderer needs a type, or an object and a field');
  }
  for (const a of definition.listActions ?? []) {
    if (typeof a.run !== 'function') throw new TypeError(`listActions.${a.id}: run must be a function`);
  }
  return Object.freeze(definition);
}

/** A label in `locale`, else English, else the first one given. */
export function webLabel(label: WebLabel | undefined, locale: string, fallback = ''): string {
  if (label === undefined) return fallback;
  if (typeof label === 'string') return label;
  return label[locale as 'en'] ?? label.en ?? Object.values(label)[0] ?? fallback;
}
