import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../../auth/current-user.js';
import { RecordSummaryService } from './record-summary.service.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object/:id/summary')
export class RecordSummaryController {
  constructor(private readonly summaries: RecordSummaryService) {}

  @Get()
  summary(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Query() query: Record<string, unknown>) {
    return this.summaries.summary(user, object, id, query);
  }
}
