import { ConfigError, intIn as int } from '../config/config.js';

export interface AutomationSettings {
  /** `smtp://user:pass@host:port` or `smtps://…`; unset = sendEmail actions fail with a clear message. */
  smtpUrl?: string;
  smtpFrom: string;
  /** Hosts a webhook may reach even when they resolve to a private or loopback address. */
  webhookAllowHosts: ReadonlySet<string>;
  /** Test-only endpoints (`/api/test-hooks/…`), admin-only on top. */
  testHooks: boolean;
  outboxPollMs: number;
  scheduleTickMs: number;
}

/** LOOM_SMTP_URL, LOOM_SMTP_FROM, LOOM_WEBHOOK_ALLOW_HOSTS, LOOM_TEST_HOOKS, LOOM_OUTBOX_POLL_MS, LOOM_SCHEDULE_TICK_MS. */
export function loadAutomationSettings(env: NodeJS.ProcessEnv = process.env): AutomationSettings {
  const smtpUrl = env.LOOM_SMTP_URL || undefined;
  if (smtpUrl) {
    let protocol = '';
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch { /* reported below */ }
    if (protocol !== 'smtp:' && protocol !== 'smtps:') throw new ConfigError(`LOOM_SMTP_URL must be smtp://host:port or smtps://host:port, got "${redact(smtpUrl)}"`);
  }
  const smtpFrom = env.LOOM_SMTP_FROM || 'Loom <no-reply@loom.local>';
  if (!/@/.test(smtpFrom)) throw new ConfigError(`LOOM_SMTP_FROM must be an email address, got "${smtpFrom}"`);
  const hosts = (env.LOOM_WEBHOOK_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const testHooks = env.LOOM_TEST_HOOKS ?? '';
  if (!['', '0', '1'].includes(testHooks)) throw new ConfigError(`LOOM_TEST_HOOKS must be 0 or 1, got "${testHooks}"`);
  return {
    smtpUrl, smtpFrom, webhookAllowHosts: new Set(hosts), testHooks: testHooks === '1',
    outboxPollMs: int(env, 'LOOM_OUTBOX_POLL_MS', 500, 20, 60_000),
    scheduleTickMs: int(env, 'LOOM_SCHEDULE_TICK_MS', 30_000, 1000, 3_600_000),
  };
}

/** The SMTP password never reaches a log line (DESIGN.md §9). */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:****@');
}

export const AUTOMATION_SETTINGS = Symbol('AUTOMATION_SETTINGS');
