import { defineWebPlugin } from '@loom/plugin-sdk/web';
import ComplaintsWidget from './ComplaintsWidget.vue';
import { messages } from './messages.js';

/** Complaints in the UI: a dashboard widget (by type, by severity, SLA breaches, average resolution time). */
export default defineWebPlugin({
  messages,
  dashboardWidgets: [{ id: 'summary', title: { en: 'Complaints', 'zh-CN': '投诉概览' }, component: ComplaintsWidget, span: 2 }],
});
