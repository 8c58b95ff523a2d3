import 'vue-router';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** The user needs one of these roles. */
    roles?: string[];
    /** i18n key of the page title (browser tab). */
    titleKey?: string;
  }
}
