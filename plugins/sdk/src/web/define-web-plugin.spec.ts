import { describe, expect, it } from 'vitest';
import { defineWebPlugin, webLabel } from './index.js';

const component = { name: 'Panel' };

describe('defineWebPlugin', () => {
  it('returns the definition frozen', () => {
    const def = defineWebPlugin({ recordPanels: [{ id: 'points', object: 'contact', title: 'Points', component }] });
    expect(def.recordPanels![0]!.object).toBe('contact');
    expect(Object.isFrozen(def)).toBe(true);
  });

  it('refuses a bad or duplicated id, a bad object name, a relative route and a renderer that names nothing', () => {
    expect(() => defineWebPlugin({ dashboardWidgets: [{ id: 'Bad Id', title: 'x', component }] })).toThrow(/not an id/);
    expect(() => defineWebPlugin({ dashboardWidgets: [{ id: 'a', title: 'x', component }, { id: 'a', title: 'y', component }] })).toThrow(/used twice/);
    expect(() => defineWebPlugin({ recordPanels: [{ id: 'p', object: 'Contact', title: 'x', component }] })).toThrow(/not an object name/);
    expect(() => defineWebPlugin({ routes: [{ path: 'rewards', component }] })).toThrow(/must start with \//);
    expect(() => defineWebPlugin({ fieldRenderers: [{ field: 'tier', component }] })).toThrow(/needs a type/);
    expect(() => defineWebPlugin({ listActions: [{ id: 'go', object: 'contact', label: 'Go', run: 'nope' as never }] })).toThrow(/run must be a function/);
  });
});

describe('webLabel', () => {
  it('picks the locale, then English, then any; a string is used as is', () => {
    expect(webLabel({ en: 'Points', 'zh-CN': '积分' }, 'zh-CN')).toBe('积分');
    expect(webLabel({ en: 'Points' }, 'zh-CN')).toBe('Points');
    expect(webLabel({ 'zh-CN': '积分' }, 'en')).toBe('积分');
    expect(webLabel('Points', 'zh-CN')).toBe('Points');
    expect(webLabel(undefined, 'en', 'fallback')).toBe('fallback');
  });
});
