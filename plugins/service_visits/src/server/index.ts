import { definePlugin } from '@loom/plugin-sdk';

/** Service Visits: trims titles on create and counts records. */
export default definePlugin({
  hooks: {
    service_visits: {
      beforeCreate: (_ctx, e) => (typeof e.record.title === 'string' ? { title: e.record.title.trim() } : undefined),
    },
  },
  routes: [
    { method: 'GET', path: '/count', handler: async (ctx) => ({ count: (await ctx.records.list('service_visits', { limit: 500 })).length }) },
  ],
});
