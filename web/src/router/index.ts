import { createRouter, createWebHistory } from 'vue-router';
import type { RouteRecordRaw } from 'vue-router';
import { designerRoutes } from '@/designers/routes';
import { APP_ROUTE, webPluginsGuard } from '@/plugins/web-plugins-guard';
import { authGuard } from './auth-guard';

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/pages/login/LoginPage.vue'),
    meta: { public: true, titleKey: 'login.submit' },
  },
  {
    path: '/',
    name: APP_ROUTE,
    component: () => import('@/layouts/AppLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/pages/home/HomePage.vue'), meta: { titleKey: 'nav.home' } },
      {
        path: 'search',
        name: 'search',
        component: () => import('@/pages/search/SearchPage.vue'),
        meta: { titleKey: 'search.title' },
      },
      { path: 'objects/:object', redirect: (to) => `/o/${String(to.params.object)}` },
      {
        path: 'o/:object',
        name: 'records',
        component: () => import('@/pages/records/RecordListPage.vue'),
        props: true,
      },
      {
        path: 'o/:object/new',
        name: 'record-new',
        component: () => import('@/pages/records/RecordPage.vue'),
        props: (to) => ({ object: String(to.params.object) }),
      },
      {
        path: 'o/:object/:id',
        name: 'record',
        component: () => import('@/pages/records/RecordPage.vue'),
        props: true,
      },
      {
        path: 'pipelines',
        name: 'pipelines',
        component: () => import('@/pages/pipelines/PipelinesPage.vue'),
        meta: { titleKey: 'pipelines.title' },
      },
      {
        path: 'pipelines/:name',
        name: 'pipeline',
        component: () => import('@/pages/pipelines/PipelineBoardPage.vue'),
        props: true,
      },
      {
        path: 'approvals',
        name: 'approvals',
        component: () => import('@/pages/approvals/ApprovalsPage.vue'),
        meta: { titleKey: 'approvals.title' },
      },
      {
        path: 'dashboards',
        name: 'dashboards',
        component: () => import('@/pages/dashboards/DashboardsPage.vue'),
        meta: { titleKey: 'dashboards.title' },
      },
      {
        path: 'admin/users',
        name: 'users',
        component: () => import('@/pages/admin/users/UsersPage.vue'),
        meta: { roles: ['admin'], titleKey: 'users.title' },
      },
      {
        path: 'admin/teams',
        name: 'teams',
        component: () => import('@/pages/admin/teams/TeamsPage.vue'),
        meta: { roles: ['admin'], titleKey: 'teams.title' },
      },
      {
        path: 'admin/objects',
        name: 'object-designer-list',
        component: () => import('@/pages/admin/objects/ObjectsPage.vue'),
        meta: { roles: ['admin'], titleKey: 'designer.title' },
      },
      {
        path: 'admin/objects/:name',
        name: 'object-designer',
        component: () => import('@/pages/admin/objects/ObjectDesignerPage.vue'),
        props: true,
        meta: { roles: ['admin'] },
      },
      ...designerRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/pages/NotFoundPage.vue'),
        meta: { titleKey: 'notFound.title' },
      },
    ],
  },
];

export const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior: () => ({ top: 0 }),
});

router.beforeEach(authGuard);
router.beforeEach(webPluginsGuard(router));
