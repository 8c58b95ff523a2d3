import type { RouteRecordRaw } from 'vue-router';

const admin = { roles: ['admin'] };

/** The admin designers and operations screens (children of the app layout). */
export const designerRoutes: RouteRecordRaw[] = [
  {
    path: 'admin/pipelines',
    name: 'pipeline-designer-list',
    component: () => import('@/pages/admin/pipelines/PipelinesPage.vue'),
    meta: { ...admin, titleKey: 'pipelineDesigner.title' },
  },
  {
    path: 'admin/pipelines/:name',
    name: 'pipeline-designer',
    component: () => import('@/pages/admin/pipelines/PipelineDesignerPage.vue'),
    props: true,
    meta: admin,
  },
  {
    path: 'admin/roles',
    name: 'role-editor-list',
    component: () => import('@/pages/admin/roles/RolesPage.vue'),
    meta: { ...admin, titleKey: 'roleEditor.title' },
  },
  {
    path: 'admin/roles/:name',
    name: 'role-editor',
    component: () => import('@/pages/admin/roles/RoleDesignerPage.vue'),
    props: true,
    meta: admin,
  },
  {
    path: 'admin/revisions',
    name: 'revisions',
    component: () => import('@/pages/admin/revisions/RevisionsPage.vue'),
    meta: { ...admin, titleKey: 'revisions.title' },
  },
  {
    path: 'admin/revisions/:number',
    name: 'revision',
    component: () => import('@/pages/admin/revisions/RevisionPage.vue'),
    props: true,
    meta: { ...admin, titleKey: 'revisions.title' },
  },
  {
    path: 'admin/automations',
    name: 'automation-editor-list',
    component: () => import('@/pages/admin/automations/AutomationsPage.vue'),
    meta: { ...admin, titleKey: 'automationEditor.title' },
  },
  {
    path: 'admin/automations/:name',
    name: 'automation-editor',
    component: () => import('@/pages/admin/automations/AutomationDesignerPage.vue'),
    props: true,
    meta: admin,
  },
  {
    path: 'admin/approvals',
    name: 'approval-designer-list',
    component: () => import('@/pages/admin/approvals/ApprovalsPage.vue'),
    meta: { ...admin, titleKey: 'approvalDesigner.title' },
  },
  {
    path: 'admin/approvals/:name',
    name: 'approval-designer',
    component: () => import('@/pages/admin/approvals/ApprovalDesignerPage.vue'),
    props: true,
    meta: admin,
  },
  {
    path: 'admin/layouts',
    name: 'layout-designer-list',
    component: () => import('@/pages/admin/layouts/LayoutsPage.vue'),
    meta: { ...admin, titleKey: 'layoutDesigner.title' },
  },
  {
    path: 'admin/layouts/:name',
    name: 'layout-designer',
    component: () => import('@/pages/admin/layouts/LayoutDesignerPage.vue'),
    props: true,
    meta: admin,
  },
  {
    path: 'admin/jobs',
    name: 'jobs',
    component: () => import('@/pages/admin/jobs/JobsPage.vue'),
    meta: { ...admin, titleKey: 'jobs.title' },
  },
  {
    path: 'admin/plugins',
    name: 'plugins',
    component: () => import('@/pages/admin/plugins/PluginsPage.vue'),
    meta: { ...admin, titleKey: 'plugins.title' },
  },
];
