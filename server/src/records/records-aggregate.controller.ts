import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { AggregateService } from './aggregate.service.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object/aggregate')
export class RecordsAggregateController {
  constructor(private readonly aggregates: AggregateService) {}

  /** `{ filter, groupBy, metrics: [{ fn, field? }], sort?, limit? }` → `{ data: [ { stage: "won", sum_amount: 1200, count: 3 } ] }`. */
  @Post()
  @HttpCode(200)
  aggregate(@User() user: CurrentUser, @Param('object') object: string, @Body() body: unknown) {
    return this.aggregates.aggregate(user, object, body);
  }
}
