import type { PluginRecord, PluginRecords, PluginRecordsTx } from '@loom/plugin-sdk';
import { DEFAULT_TIERS } from './loyalty-config.js';
import { tierFor } from './tier-for.js';

export type Entry = { type: 'earn' | 'redeem' | 'expire' | 'adjust'; points: number; reason: string; source?: { object: string; id: string }; expiresAt?: string; reward?: string };

/** The member's account, created on first use (the unique contact index makes a racing second create fail; then it is read). */
export async function accountFor(records: PluginRecords, contactId: string): Promise<PluginRecord> {
  const [found] = await records.list('loyalty_account', { filter: { contact: contactId }, limit: 1 });
  if (found) return found;
  try {
    return await records.create('loyalty_account', { contact: contactId, balance: 0, lifetime_points: 0, tier: 'bronze' });
  } catch (e) {
    const [again] = await records.list('loyalty_account', { filter: { contact: contactId }, limit: 1 });
    if (again) return again;
    throw e;
  }
}

/**
 * One ledger entry in the caller's transaction: the transaction row, the balance (never below 0 — the
 * guarded adjust returns null instead) and, for earnings, lifetime points; then the tier from lifetime points.
 */
export async function post(t: PluginRecordsTx, accountId: string, e: Entry): Promise<PluginRecord | null> {
  const delta: Record<string, number> = { balance: e.points };
  if (e.type === 'earn') delta.lifetime_points = e.points;
  const where = e.points < 0 ? { balance: { $gte: -e.points } } : undefined;
  const account = await t.adjust('loyalty_account', accountId, delta, { where });
  if (!account) return null;
  await t.create('points_transaction', {
    account: accountId, type: e.type, points: e.points, reason: e.reason, occurred_at: new Date().toISOString(),
    ...(e.points > 0 && (e.type === 'earn' || e.type === 'adjust') ? { remaining: e.points, expires_at: e.expiresAt ?? null } : {}),
    ...(e.source ? { source_object: e.source.object, source_id: e.source.id } : {}),
    ...(e.reward ? { reward: e.reward } : {}),
  });
  return retier(t, account);
}

/** Tier recalculated from lifetime points against the loyalty_tier records (defaults when there are none). */
export async function retier(t: PluginRecordsTx, account: PluginRecord): Promise<PluginRecord> {
  const rows = await t.list('loyalty_tier', { limit: 50 });
  const tiers = rows.length ? rows.map((r) => ({ code: String(r.code), threshold: Number(r.threshold) })) : DEFAULT_TIERS;
  const tier = tierFor(Number(account.lifetime_points ?? 0), tiers);
  return tier === account.tier ? account : t.update('loyalty_account', account.id, { tier });
}

/** Spends `points` from unused earnings, oldest first (so expiry takes what is left of the oldest). */
export async function consumeFifo(t: PluginRecordsTx, accountId: string, points: number): Promise<void> {
  let left = points;
  while (left > 0) {
    const batch = await t.list('points_transaction', { filter: { account: accountId, type: 'earn', remaining: { $gt: 0 } }, sort: 'occurred_at,id', limit: 100 });
    if (!batch.length) return;
    for (const earn of batch) {
      const take = Math.min(left, Number(earn.remaining));
      await t.update('points_transaction', earn.id, { remaining: Number(earn.remaining) - take });
      left -= take;
      if (left === 0) return;
    }
  }
}
