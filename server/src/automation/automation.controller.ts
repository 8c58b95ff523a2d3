import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly, User, type CurrentUser } from '../auth/current-user.js';
import { badRequest, notFound } from '../common/problem.js';
import { Db } from '../database/db.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { DryRunService } from './run/dry-run.service.js';
import { RUN_COLUMNS, runView, type RunRowFull } from './run/run-view.js';
import { WebhookSecrets } from './webhook/webhook-secrets.service.js';

const RUN_STATUSES = ['running', 'ok', 'failed', 'skipped', 'loop'];
const RUN_QUERY = ['automation', 'status', 'recordId', 'limit'];

@ApiTags('automations')
@Controller('automations')
export class AutomationController {
  constructor(private readonly db: Db, private readonly dryRuns: DryRunService, private readonly registry: MetadataRegistry, private readonly secrets: WebhookSecrets) {}

  /** Admin: the run log, newest first, with each action's result and the error of failed runs. */
  @Get('runs')
  @AdminOnly()
  async runs(@Query() query: Record<string, string>) {
    const extra = Object.keys(query).filter((k) => !RUN_QUERY.includes(k));
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter' })));
    if (query.status !== undefined && !RUN_STATUSES.includes(query.status)) throw badRequest(`status must be one of ${RUN_STATUSES.join(', ')}`, [{ path: '/status', message: 'unknown status' }]);
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit must be an integer from 1 to 500', [{ path: '/limit', message: 'out of range' }]);
    const rows = await this.db.query<RunRowFull>(
      `SELECT ${RUN_COLUMNS} FROM core.automation_run
        WHERE ($1::text IS NULL OR automation = $1) AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR record_id::text = $3)
        ORDER BY at DESC, id DESC LIMIT $4`,
      [query.automation ?? null, query.status ?? null, query.recordId ?? null, limit],
    );
    return { data: rows.map(runView) };
  }

  /** Admin: what the automation would do for a record, rendered, without side effects. */
  @Post(':name/dry-run')
  @AdminOnly()
  @HttpCode(200)
  dryRun(@User() user: CurrentUser, @Param('name') name: string, @Body() body: unknown) {
    return this.dryRuns.dryRun(user, name, body);
  }

  /** Admin: the generated secret that signs this automation's webhooks when an action names none. */
  @Get(':name/webhook-secret')
  @AdminOnly()
  async webhookSecret(@Param('name') name: string) {
    if (!Object.hasOwn(this.registry.current().set.automations, name)) throw notFound(`No automation ${name}`);
    return { secret: await this.secrets.forAutomation(name) };
  }
}
