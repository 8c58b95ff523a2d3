import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from './demo-loader.service.js';
import { loadDemoSettings } from './demo-settings.js';

describe('loadDemoSettings', () => {
  it('defaults to the full set with the fixed seed', () => {
    expect(loadDemoSettings({})).toEqual({ seed: DEFAULT_SEED, scale: 1, password: undefined });
  });

  it('reads the environment, and the command line over it', () => {
    expect(loadDemoSettings({ LOOM_DEMO_SEED: '7', LOOM_DEMO_SCALE: '0.5', LOOM_DEMO_PASSWORD: 'demo-pass-1' })).toEqual({ seed: 7, scale: 0.5, password: 'demo-pass-1' });
    expect(loadDemoSettings({ LOOM_DEMO_SCALE: '0.5' }, ['--scale', '0.01', '--seed', '3'])).toMatchObject({ seed: 3, scale: 0.01 });
  });

  it('refuses values out of range', () => {
    expect(() => loadDemoSettings({ LOOM_DEMO_SCALE: '2' })).toThrow(/scale/);
    expect(() => loadDemoSettings({ LOOM_DEMO_SEED: '-1' })).toThrow(/seed/);
    expect(() => loadDemoSettings({ LOOM_DEMO_PASSWORD: 'short' })).toThrow(/LOOM_DEMO_PASSWORD/);
  });
});
