import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature, webhookHeaders } from './sign-webhook.js';

const secret = 'a-secret-of-sixteen-plus';
const body = '{"event":"record.created","eventId":"e1"}';

describe('webhook signature', () => {
  it('is sha256=<hex HMAC of "<ts>.<body>">', () => {
    const hex = createHmac('sha256', secret).update(`1764489600.${body}`).digest('hex');
    expect(signWebhook(secret, 1764489600, body)).toBe(`sha256=${hex}`);
  });
  it('verifies, and fails for another body, timestamp or secret', () => {
    const sig = signWebhook(secret, 100, body);
    expect(verifyWebhookSignature(secret, '100', body, sig)).toBe(true);
    expect(verifyWebhookSignature(secret, '101', body, sig)).toBe(false);
    expect(verifyWebhookSignature(secret, '100', body + ' ', sig)).toBe(false);
    expect(verifyWebhookSignature('another-secret-000000', '100', body, sig)).toBe(false);
    expect(verifyWebhookSignature(secret, '100', body, 'sha256=00')).toBe(false);
  });
  it('headers carry the event id, Unix seconds and the signature of exactly the body sent', () => {
    const h = webhookHeaders(secret, 'evt-1', body, new Date('2026-03-10T09:00:00.900Z'));
    expect(h['x-loom-event-id']).toBe('evt-1');
    expect(h['x-loom-timestamp']).toBe('1773133200');
    expect(verifyWebhookSignature(secret, h['x-loom-timestamp'], body, h['x-loom-signature'])).toBe(true);
  });
});
