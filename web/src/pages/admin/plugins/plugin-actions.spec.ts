import { describe, expect, it } from 'vitest';
import { hasUpgrade, pluginCommands } from './plugin-actions';

describe('plugin actions', () => {
  it('offers what each state allows', () => {
    expect(pluginCommands({ version: '1.0.0', state: 'available' })).toEqual(['install']);
    expect(pluginCommands({ version: '1.0.0', state: 'installed' })).toEqual(['enable', 'uninstall']);
    expect(pluginCommands({ version: '1.0.0', state: 'enabled' })).toEqual(['disable']);
    expect(pluginCommands({ version: '1.0.0', state: 'disabled' })).toEqual(['enable', 'uninstall']);
    expect(pluginCommands({ version: '1.0.0', state: 'failed' })).toEqual(['disable', 'uninstall']);
  });

  it('offers an upgrade when the folder holds a newer version', () => {
    expect(hasUpgrade({ version: '1.2.0', availableVersion: '1.10.0', state: 'enabled' })).toBe(true);
    expect(hasUpgrade({ version: '1.2.0', availableVersion: '1.2.0', state: 'enabled' })).toBe(false);
    expect(hasUpgrade({ version: '2.0.0', availableVersion: '1.9.9', state: 'enabled' })).toBe(false);
    expect(hasUpgrade({ version: '1.0.0', availableVersion: '1.1.0', state: 'available' })).toBe(false);
    expect(pluginCommands({ version: '1.0.0', availableVersion: '1.1.0', state: 'enabled' })).toEqual(['upgrade', 'disable']);
  });
});
