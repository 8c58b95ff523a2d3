import { definePlugin } from '@loom/plugin-sdk';
import { afterCreateFeedback, beforeCreateComplaint, beforeUpdateComplaint } from './complaint-hooks.js';
import { complaintSummary } from './complaint-summary.js';
import { escalateOverdue } from './escalate-overdue.js';
import { intakeComplaint } from './intake-complaint.js';
import { DEFAULT_SLA_HOURS } from './sla.js';

/** Complaints (投诉管理): intake, SLA by severity with escalation, resolution, satisfaction feedback, a dashboard summary. */
export default definePlugin({
  config: { slaHours: { ...DEFAULT_SLA_HOURS }, managerRole: 'service_manager' },
  hooks: {
    complaint: { beforeCreate: beforeCreateComplaint, beforeUpdate: beforeUpdateComplaint },
    complaint_feedback: { afterCreate: afterCreateFeedback },
  },
  routes: [
    { method: 'POST', path: '/intake', auth: 'apiKey', handler: intakeComplaint },
    { method: 'GET', path: '/summary', handler: complaintSummary },
  ],
  jobs: { escalate: (ctx) => escalateOverdue(ctx) },
  schedules: { '*/5 * * * *': 'escalate' },
});
