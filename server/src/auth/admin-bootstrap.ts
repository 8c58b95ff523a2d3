import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { Db } from '../database/db.js';
import { hashPassword, randomPassword } from './password.js';

/** First start: creates the admin from LOOM_ADMIN_EMAIL/PASSWORD, or admin@loom.local with a random password printed once. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('auth');

  constructor(private readonly db: Db, @Inject(LOOM_CONFIG) private readonly config: LoomConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = (this.config.adminEmail ?? 'admin@loom.local').toLowerCase();
    const password = this.config.adminPassword ?? randomPassword();
    const rows = await this.db.query(
      `INSERT INTO core."user" (email, name, password_hash, roles)
       SELECT $1, 'Administrator', $2, '{admin}' WHERE NOT EXISTS (SELECT 1 FROM core."user")
       ON CONFLICT DO NOTHING RETURNING id`,
      [email, await hashPassword(password)],
    );
    if (!rows.length) return;
    if (this.config.adminPassword) {
      this.logger.log({ msg: 'admin user created', email });
    } else {
      // printed once, on purpose: there is no other way to learn it
      process.stdout.write(`\n  Loom admin created — email: ${email}  password: ${password}\n  (shown only once; change it after signing in)\n\n`);
    }
  }
}
