import type { PluginContext, PluginDefinition } from '@loom/plugin-sdk';
import type { CurrentUser } from '../auth/current-user.js';

/** An enabled plugin whose server code loaded: what hooks, routes and jobs run against. */
export interface ActivePlugin {
  name: string;
  version: string;
  definition: PluginDefinition;
  /** The context for code acting for `actor` (a caller, a writer) or, without one, the plugin's system actor. */
  context(actor?: CurrentUser): PluginContext;
}

export type BeforeHook = 'beforeCreate' | 'beforeUpdate' | 'beforeDelete';
export type AfterHook = 'afterCreate' | 'afterUpdate' | 'afterDelete' | 'stageChanged' | 'approvalDecided';
