import { markRaw } from 'vue';
import type { Component } from 'vue';
import { Clock, Lightning, Lock, Operation } from '@element-plus/icons-vue';

/** The admin menu entries of the designers and operations screens (`designers.nav.<key>` labels them). */
export const designerNavItems: ReadonlyArray<{ key: string; path: string; icon: Component }> = [
  { key: 'pipelines', path: '/admin/pipelines', icon: markRaw(Operation) },
  { key: 'roles', path: '/admin/roles', icon: markRaw(Lock) },
  { key: 'automations', path: '/admin/automations', icon: markRaw(Lightning) },
  { key: 'revisions', path: '/admin/revisions', icon: markRaw(Clock) },
];
