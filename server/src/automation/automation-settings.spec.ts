import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config.js';
import { loadAutomationSettings } from './automation-settings.js';

describe('loadAutomationSettings', () => {
  it('reads the allow list as lower-case host names', () => {
    expect([...loadAutomationSettings({ LOOM_WEBHOOK_ALLOW_HOSTS: ' 127.0.0.1, Hooks.Internal ' }).webhookAllowHosts]).toEqual(['127.0.0.1', 'hooks.internal']);
  });
  it('accepts smtp and smtps URLs', () => {
    expect(loadAutomationSettings({ LOOM_SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
  });
  it('refuses another scheme without echoing the password', () => {
    expect(() => loadAutomationSettings({ LOOM_SMTP_URL: 'http://u:hunter2@mail:25' })).toThrow(ConfigError);
    expect(() => loadAutomationSettings({ LOOM_SMTP_URL: 'http://u:hunter2@mail:25' })).toThrow(/u:\*\*\*\*@/);
  });
  it('test hooks are off unless LOOM_TEST_HOOKS=1', () => {
    expect(loadAutomationSettings({}).testHooks).toBe(false);
    expect(loadAutomationSettings({ LOOM_TEST_HOOKS: '1' }).testHooks).toBe(true);
    expect(() => loadAutomationSettings({ LOOM_TEST_HOOKS: 'yes' })).toThrow('LOOM_TEST_HOOKS');
  });
});
