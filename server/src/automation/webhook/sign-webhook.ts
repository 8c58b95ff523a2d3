import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Loom-Signature`: `sha256=` + hex HMAC-SHA256 of `"<timestamp>.<raw body>"` under the secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does (and the tests): recompute and compare in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: string | number, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The headers of one delivery; the event id is the same on every retry of it. */
export function webhookHeaders(secret: string, eventId: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Loom-Webhook/1',
    'x-loom-event-id': eventId,
    'x-loom-timestamp': String(timestamp),
    'x-loom-signature': signWebhook(secret, timestamp, body),
  };
}
