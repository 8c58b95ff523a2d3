import { DynamicModule, Module } from '@nestjs/common';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { ApprovalLocksModule } from './approvals/approval-locks.module.js';
import { ApprovalsModule } from './approvals/approvals.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AutomationModule } from './automation/automation.module.js';
import type { LoomConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportModule } from './import-export/import/import.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { MetadataModule } from './metadata/metadata.module.js';
import { RecordsModule } from './records/records.module.js';
import { PipelinesModule } from './pipelines/pipelines.module.js';
import { OpenApiModule } from './openapi/openapi.module.js';
import { PermissionsModule } from './permissions/permissions.module.js';
import { PluginHooksModule } from './plugins/plugin-hooks.module.js';
import { PluginsModule } from './plugins/plugins.module.js';
import { StageGuardModule } from './pipelines/stage-guard.module.js';
import { UsersModule } from './users/users.module.js';
import { ViewsModule } from './views/views.module.js';

@Module({})
export class AppModule {
  static forRoot(config: LoomConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule, HealthModule, AuthModule, UsersModule, MetadataModule, PermissionsModule, StageGuardModule, ApprovalLocksModule, RecordsModule, PipelinesModule, ApprovalsModule, OpenApiModule, JobsModule, AutomationModule, AnalyticsModule, DemoModule, ImportModule, PluginHooksModule, PluginsModule, ViewsModule],
    };
  }
}
