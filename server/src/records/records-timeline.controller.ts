import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object/:id/timeline')
export class RecordsTimelineController {
  constructor(private readonly timelines: TimelineService) {}

  /** `?limit=&before=` → `{ data: [ { kind: 'history'|'stage'|'activity'|'approval', at, by, ... } ], nextBefore }`. */
  @Get()
  timeline(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Query() query: Record<string, unknown>) {
    return this.timelines.timeline(user, object, id, query);
  }
}
