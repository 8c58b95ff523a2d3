import { defineWebPlugin } from '@loom/plugin-sdk/web';
import LoyaltyPanel from './LoyaltyPanel.vue';
import { messages } from './messages.js';

/** Loyalty points in the UI: a panel on the contact record page (balance, tier, history). */
export default defineWebPlugin({
  messages,
  recordPanels: [{ id: 'points', object: 'contact', title: { en: 'Loyalty points', 'zh-CN': '会员积分' }, component: LoyaltyPanel }],
});
