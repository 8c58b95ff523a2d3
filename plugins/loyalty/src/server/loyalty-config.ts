import type { PluginContext } from '@loom/plugin-sdk';

export interface LoyaltyConfig {
  /** Points per currency unit of a paid order (rounded down). */
  pointsPerCurrencyUnit: number;
  birthdayBonus: number;
  /** Earned points expire this many days after they were earned. */
  expiryDays: number;
}

export const DEFAULT_CONFIG: LoyaltyConfig = { pointsPerCurrencyUnit: 1, birthdayBonus: 200, expiryDays: 365 };

/** Default tier thresholds on lifetime points; the loyalty_tier records override them. */
export const DEFAULT_TIERS = [
  { code: 'bronze', threshold: 0 }, { code: 'silver', threshold: 1000 }, { code: 'gold', threshold: 5000 }, { code: 'platinum', threshold: 20000 },
];

export function loyaltyConfig(ctx: PluginContext): LoyaltyConfig {
  const c = ctx.config as Partial<LoyaltyConfig>;
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  return {
    pointsPerCurrencyUnit: num(c.pointsPerCurrencyUnit, DEFAULT_CONFIG.pointsPerCurrencyUnit),
    birthdayBonus: num(c.birthdayBonus, DEFAULT_CONFIG.birthdayBonus),
    expiryDays: num(c.expiryDays, DEFAULT_CONFIG.expiryDays),
  };
}
