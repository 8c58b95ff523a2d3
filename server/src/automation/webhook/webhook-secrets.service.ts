import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Db } from '../../database/db.js';

const key = (automation: string) => `automation.webhook_secret.${automation}`;

/** The secret of an automation's webhooks when the action names none: generated once, kept in core.setting. */
@Injectable()
export class WebhookSecrets {
  constructor(private readonly db: Db) {}

  async forAutomation(automation: string): Promise<string> {
    await this.db.query(`INSERT INTO core.setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [key(automation), JSON.stringify(randomBytes(32).toString('hex'))]);
    const [row] = await this.db.query<{ value: string }>(`SELECT value FROM core.setting WHERE key = $1`, [key(automation)]);
    return row.value;
  }

  /** The action's own secret, unless absent or the masked placeholder (`****`). */
  async secretFor(automation: string, actionSecret: string | undefined): Promise<string> {
    return actionSecret && actionSecret !== '****' ? actionSecret : this.forAutomation(automation);
  }
}
