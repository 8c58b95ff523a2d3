import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { AdminOnly } from '../auth/current-user.js';
import { badRequest, notFound } from '../common/problem.js';
import { AUTOMATION_SETTINGS, type AutomationSettings } from './automation-settings.js';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.service.js';
import { Scheduler } from './schedule/scheduler.service.js';

/** Test-only (LOOM_TEST_HOOKS=1, and admin): run a scheduler tick over a chosen window, or drain the outbox now. */
@ApiExcludeController()
@Controller('test-hooks')
export class TestHooksController {
  constructor(private readonly scheduler: Scheduler, private readonly dispatcher: OutboxDispatcher, @Inject(AUTOMATION_SETTINGS) private readonly settings: AutomationSettings) {}

  @Post('schedule-tick')
  @AdminOnly()
  @HttpCode(200)
  async tick(@Body() body: { from?: string; to?: string }) {
    if (!this.settings.testHooks) throw notFound('Not found');
    const from = Date.parse(body?.from ?? ''), to = Date.parse(body?.to ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) throw badRequest('from and to must be ISO timestamps');
    return { enqueued: await this.scheduler.tick(new Date(), { from: new Date(from), to: new Date(to) }) };
  }
}
