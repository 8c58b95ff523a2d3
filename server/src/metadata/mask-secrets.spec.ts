import { describe, expect, it } from 'vitest';
import type { AutomationDef } from '@loom/metadata';
import { keepMaskedSecrets, maskSecrets } from './mask-secrets.js';

const hook = (secret?: string): AutomationDef => ({
  kind: 'automation', name: 'a', trigger: { object: 'contact', event: 'created' },
  actions: [{ type: 'notify', user: '{{record.owner}}', message: 'hi' }, { type: 'webhook', url: 'https://erp.example.com/hook', ...(secret ? { secret } : {}) }],
});

describe('webhook secrets', () => {
  it('are masked on read', () => {
    const masked = maskSecrets({ automations: { a: hook('s3cret-value-123456') } });
    expect(JSON.stringify(masked)).not.toContain('s3cret');
    expect((masked.automations!.a.actions[1] as { secret: string }).secret).toBe('****');
  });

  it('are kept when a write sends the mask back for the same action', () => {
    expect((keepMaskedSecrets(hook('****'), hook('s3cret-value-123456')).actions[1] as { secret: string }).secret).toBe('s3cret-value-123456');
  });

  it('are not carried over to another url', () => {
    const next = hook('****');
    (next.actions[1] as { url: string }).url = 'https://elsewhere.example.com';
    expect((keepMaskedSecrets(next, hook('s3cret-value-123456')).actions[1] as { secret: string }).secret).toBe('****');
  });
});
