import { generateAccounts } from './generate-accounts.js';
import { generateActivities } from './generate-activities.js';
import { generateCampaigns } from './generate-campaigns.js';
import { generateContacts } from './generate-contacts.js';
import { generateOpportunities } from './generate-opportunities.js';
import { generateOrders } from './generate-orders.js';
import { generateTickets } from './generate-tickets.js';
import type { DemoContext, DemoRow, DemoStageMove } from './demo-types.js';

/** Objects in the order they are written (targets before the records pointing at them). */
export const DEMO_OBJECTS = ['campaign', 'account', 'contact', 'opportunity', 'sales_order', 'activity', 'ticket'] as const;
export type DemoObject = (typeof DEMO_OBJECTS)[number];

export interface DemoData {
  rows: Record<DemoObject, DemoRow[]>;
  stageMoves: DemoStageMove[];
}

/** The whole data set, a pure function of the random seed, the clock, the sizes and the owners. */
export function generateDemoData(c: DemoContext): DemoData {
  const campaign = generateCampaigns(c);
  const account = generateAccounts(c);
  const contact = generateContacts(c, account);
  const { rows: opportunity, moves } = generateOpportunities(c, account, contact, campaign);
  const sales_order = generateOrders(c, contact, opportunity, moves);
  const activity = generateActivities(c, contact, opportunity);
  const ticket = generateTickets(c, sales_order, contact);
  return { rows: { campaign, account, contact, opportunity, sales_order, activity, ticket }, stageMoves: moves };
}
