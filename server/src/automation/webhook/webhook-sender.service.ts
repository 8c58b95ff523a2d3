import { Inject, Injectable } from '@nestjs/common';
import { AUTOMATION_SETTINGS, type AutomationSettings } from '../automation-settings.js';
import { ActionFailed } from '../actions/action-failed.js';
import { EgressRefused, egressRequest } from './egress-request.js';
import { webhookHeaders } from './sign-webhook.js';
import { WebhookSecrets } from './webhook-secrets.service.js';

export interface WebhookDelivery {
  automation: string;
  eventId: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  secret?: string;
  /** The JSON body, exactly as it will be signed and sent. */
  body: string;
}

const RETRYABLE = new Set([408, 425, 429]);

/** Signs and sends one webhook; refusals and 4xx answers are final, 5xx and network errors are retried. */
@Injectable()
export class WebhookSender {
  constructor(private readonly secrets: WebhookSecrets, @Inject(AUTOMATION_SETTINGS) private readonly settings: AutomationSettings) {}

  async deliver(d: WebhookDelivery): Promise<{ httpStatus: number; url: string; redirects: number }> {
    const secret = await this.secrets.secretFor(d.automation, d.secret);
    const headers = { ...d.headers, ...webhookHeaders(secret, d.eventId, d.body, new Date()) };
    let res;
    try {
      res = await egressRequest(d.url, { method: d.method, headers, body: d.body, allowHosts: this.settings.webhookAllowHosts });
    } catch (e) {
      if (e instanceof EgressRefused) throw new ActionFailed('refused', `refused: ${e.message}`, true);
      throw new ActionFailed('failed', `webhook to ${d.url} failed: ${e instanceof Error ? e.message : String(e)}`, false);
    }
    if (res.status >= 200 && res.status < 300) return { httpStatus: res.status, url: res.url, redirects: res.redirects };
    const permanent = res.status < 500 && !RETRYABLE.has(res.status);
    throw new ActionFailed('failed', `webhook to ${res.url} answered ${res.status}`, permanent, { httpStatus: res.status });
  }
}
