import { markRaw } from 'vue';
import type { Component } from 'vue';
import { Box, Clock, Connection, Files, Lightning, Lock, Operation, Stamp } from '@element-plus/icons-vue';

/** The admin menu entries of the designers and operations screens (`designers.nav.<key>` labels them). */
export const designerNavItems: ReadonlyArray<{ key: string; path: string; icon: Component }> = [
  { key: 'pipelines', path: '/admin/pipelines', icon: markRaw(Operation) },
  { key: 'approvals', path: '/admin/approvals', icon: markRaw(Stamp) },
  { key: 'roles', path: '/admin/roles', icon: markRaw(Lock) },
  { key: 'automations', path: '/admin/automations', icon: markRaw(Lightning) },
  { key: 'layouts', path: '/admin/layouts', icon: markRaw(Files) },
  { key: 'revisions', path: '/admin/revisions', icon: markRaw(Clock) },
  { key: 'jobs', path: '/admin/jobs', icon: markRaw(Connection) },
  { key: 'plugins', path: '/admin/plugins', icon: markRaw(Box) },
];
