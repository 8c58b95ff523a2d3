import { describe, expect, it } from 'vitest';
import { historyQuery, nextTier, optionLabel, signedPoints } from './loyalty-panel-model.js';

describe('loyalty panel model', () => {
  it('asks for the account\'s newest transactions', () => {
    expect(historyQuery('a1', 10)).toEqual({ filter: '{"account":"a1"}', sort: '-occurred_at', limit: 10 });
  });

  it('signs points by transaction type', () => {
    expect(signedPoints({ type: 'earn', points: 120 })).toBe(120);
    expect(signedPoints({ type: 'redeem', points: 50 })).toBe(-50);
    expect(signedPoints({ type: 'expire', points: -30 })).toBe(-30);
    expect(signedPoints({ type: 'adjust', points: -5 })).toBe(-5);
  });

  it('finds the next tier and the points it still needs', () => {
    const tiers = [{ code: 'bronze', threshold: 0 }, { code: 'gold', threshold: 5000 }, { code: 'silver', threshold: 1000 }];
    expect(nextTier(tiers, 300)).toEqual({ code: 'silver', missing: 700 });
    expect(nextTier(tiers, 1000)).toEqual({ code: 'gold', missing: 4000 });
    expect(nextTier(tiers, 9000)).toBeNull();
  });

  it('labels an option in the UI language, falling back to English and then the key', () => {
    const options = [{ key: 'gold', label: { en: 'Gold', 'zh-CN': '金卡' } }, { key: 'raw', label: 'Raw' }];
    expect(optionLabel(options, 'gold', 'zh-CN')).toBe('金卡');
    expect(optionLabel(options, 'gold', 'fr')).toBe('Gold');
    expect(optionLabel(options, 'raw', 'zh-CN')).toBe('Raw');
    expect(optionLabel(options, 'none', 'en')).toBe('none');
  });
});
