import { BeforeApplicationShutdown, Inject, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ApprovalsModule } from '../approvals/approvals.module.js';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { JOB_QUEUE, type JobQueue } from '../jobs/job-queue.js';
import { RecordsModule } from '../records/records.module.js';
import { ActionExecutor } from './actions/action-executor.service.js';
import { AutomationController } from './automation.controller.js';
import { AUTOMATION_SETTINGS, loadAutomationSettings } from './automation-settings.js';
import { EmailSender } from './email/email-sender.service.js';
import { NotificationsController } from './notifications/notifications.controller.js';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.service.js';
import { AUTOMATION_RUN, AUTOMATION_SCHEDULE, type AutomationRunJob } from './outbox/outbox-event.js';
import { AutomationRecords } from './records/automation-records.service.js';
import { AutomationRunner } from './run/automation-runner.service.js';
import { DryRunService } from './run/dry-run.service.js';
import { RunLog } from './run/run-log.service.js';
import { Scheduler, type ScheduleOccurrence } from './schedule/scheduler.service.js';
import { TestHooksController } from './test-hooks.controller.js';
import { WebhookSecrets } from './webhook/webhook-secrets.service.js';
import { WebhookSender } from './webhook/webhook-sender.service.js';

/**
 * Automations (DESIGN.md §2, §5): the outbox dispatcher, the scheduler, the run handler and its
 * actions, dry-run, the run log and notifications. Dispatcher and scheduler run where jobs run.
 */
@Module({
  imports: [RecordsModule, ApprovalsModule],
  controllers: [AutomationController, NotificationsController, TestHooksController],
  providers: [
    { provide: AUTOMATION_SETTINGS, useFactory: () => loadAutomationSettings() },
    AutomationRecords, RunLog, ActionExecutor, AutomationRunner, DryRunService, OutboxDispatcher, Scheduler,
    EmailSender, WebhookSecrets, WebhookSender,
  ],
})
export class AutomationModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(LOOM_CONFIG) private readonly config: LoomConfig,
    private readonly runner: AutomationRunner,
    private readonly dispatcher: OutboxDispatcher,
    private readonly scheduler: Scheduler,
  ) {}

  onModuleInit(): void {
    this.queue.process<AutomationRunJob>(AUTOMATION_RUN, (job, ctx) => this.runner.run(job, ctx));
    this.queue.process<ScheduleOccurrence>(AUTOMATION_SCHEDULE, (o) => this.scheduler.runOccurrence(o));
  }

  onApplicationBootstrap(): void {
    if (this.config.role === 'api') return;
    this.dispatcher.start();
    this.scheduler.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.scheduler.stop();
    await this.dispatcher.stop();
  }
}
