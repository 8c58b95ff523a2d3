import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { DuplicatesService } from './duplicates.service.js';
import { MergeService } from './merge.service.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object')
export class RecordsDuplicatesController {
  constructor(private readonly duplicates: DuplicatesService, private readonly merges: MergeService) {}

  /** `?recordId=` → `{ data: [ { record, rule, score } ] }`, best match first. */
  @Get('duplicates')
  find(@User() user: CurrentUser, @Param('object') object: string, @Query() query: Record<string, unknown>) {
    return this.duplicates.find(user, object, query);
  }

  /** `{ survivor, others: [...], values: {...} }` → the survivor, with every relation re-pointed to it. */
  @Post('merge')
  @HttpCode(200)
  merge(@User() user: CurrentUser, @Param('object') object: string, @Body() body: unknown) {
    return this.merges.merge(user, object, body);
  }
}
