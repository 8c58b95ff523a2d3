import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { AnalyticsReads } from './analytics-reads.service.js';
import { AnalyticsController } from './analytics.controller.js';
import { CampaignRoiService } from './campaign-roi.service.js';
import { ForecastService } from './forecast.service.js';
import { FunnelService } from './funnel.service.js';
import { PerformanceService } from './performance.service.js';
import { RfmService } from './rfm.service.js';

@Module({
  imports: [RecordsModule],
  controllers: [AnalyticsController],
  providers: [AnalyticsReads, FunnelService, ForecastService, RfmService, PerformanceService, CampaignRoiService],
  exports: [AnalyticsReads],
})
export class AnalyticsModule {}
