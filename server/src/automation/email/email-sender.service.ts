import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { AUTOMATION_SETTINGS, type AutomationSettings } from '../automation-settings.js';
import { ActionFailed } from '../actions/action-failed.js';

export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  /** Stable per (event, automation, action): a retried send carries the same Message-ID. */
  messageId: string;
}

const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$|^[^\s@<>,;]+@localhost$/i;

/** SMTP through nodemailer (LOOM_SMTP_URL). Without it, sendEmail actions fail with a clear message. */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(AUTOMATION_SETTINGS) private readonly settings: AutomationSettings) {}

  async send(mail: OutgoingEmail): Promise<{ accepted: string[] }> {
    if (!this.settings.smtpUrl) throw new ActionFailed('failed', 'email is not configured: set LOOM_SMTP_URL', true);
    const bad = mail.to.filter((a) => !ADDRESS.test(a));
    if (!mail.to.length || bad.length) throw new ActionFailed('failed', `not an email address: ${bad.join(', ') || '(none)'}`, true);
    this.transport ??= nodemailer.createTransport(this.settings.smtpUrl);
    try {
      const info = await this.transport.sendMail({ from: this.settings.smtpFrom, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
      return { accepted: (info.accepted ?? []).map(String) };
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      // 5xx from the server is a final answer about this message; anything else may pass on retry
      throw new ActionFailed('failed', `email not sent: ${e instanceof Error ? e.message : String(e)}`, code !== undefined && code >= 500);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
