import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import { AnalyticsController } from './analytics.controller.js';
import { BehaviourService } from './behaviour.service.js';
import { CampaignRoiService } from './campaign-roi.service.js';
import { ForecastService } from './forecast.service.js';
import { FunnelService } from './funnel.service.js';
import { PerformanceService } from './performance.service.js';
import { RfmService } from './rfm.service.js';
import { RecordSummaryController } from './summary/record-summary.controller.js';
import { RecordSummaryService } from './summary/record-summary.service.js';
import { SummaryParts } from './summary/summary-parts.service.js';

@Module({
  imports: [RecordsModule],
  controllers: [AnalyticsController, RecordSummaryController],
  providers: [AnalyticsReads, FunnelService, ForecastService, RfmService, PerformanceService, CampaignRoiService, BehaviourService, RecordSummaryService, SummaryParts],
  exports: [AnalyticsReads],
})
export class AnalyticsModule {}
