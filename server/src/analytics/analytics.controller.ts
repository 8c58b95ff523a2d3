import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { BehaviourService } from './behaviour.service.js';
import { CampaignRoiService } from './campaign-roi.service.js';
import { ForecastService } from './forecast.service.js';
import { FunnelService } from './funnel.service.js';
import { PerformanceService } from './performance.service.js';
import { RfmService } from './rfm.service.js';

/** API.md "Analytics": every answer is computed in PostgreSQL over the records the caller may read. */
@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly funnels: FunnelService, private readonly forecasts: ForecastService, private readonly rfms: RfmService,
    private readonly performances: PerformanceService, private readonly campaignRois: CampaignRoiService,
    private readonly behaviours: BehaviourService,
  ) {}

  @Get('funnel')
  funnel(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.funnels.funnel(user, query);
  }

  @Get('forecast')
  forecast(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.forecasts.forecast(user, query);
  }

  @Get('rfm')
  rfm(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.rfms.rfm(user, query);
  }

  @Get('behaviour')
  behaviour(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.behaviours.behaviour(user, query);
  }

  @Get('performance')
  performance(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.performances.performance(user, query);
  }

  @Get('campaigns')
  campaigns(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.campaignRois.campaigns(user, query);
  }
}
