import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/current-user.js';
import { Db } from '../database/db.js';
import { HEALTH_PROBES, type HealthProbes } from './health-probes.js';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Db, @Inject(HEALTH_PROBES) private readonly probes: HealthProbes) {}

  /** 200 when the database answers, 503 when it does not; queue is ok | inline | down. */
  @Public()
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const db = await this.db.query('SELECT 1').then(() => 'ok', () => 'down');
    const queue = await this.probes.queue();
    const revision = db === 'ok' ? await this.probes.revision().catch(() => null) : null;
    const plugins = this.probes.plugins();
    if (db !== 'ok') reply.status(503);
    return { status: db === 'ok' ? 'ok' : 'down', db, queue, revision, ...(plugins.length ? { plugins } : {}) };
  }
}
