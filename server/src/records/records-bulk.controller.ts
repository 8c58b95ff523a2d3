import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { BulkService } from './bulk.service.js';
import { dryRunParam } from './lib/dry-run-param.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object/bulk')
export class RecordsBulkController {
  constructor(private readonly bulk: BulkService) {}

  /** `{ create } | { update: { filter, set?, addTags?, removeTags? } } | { delete: { filter } }`, `partial`, `?dryRun=true` → `{ matched, changed, errors }`. */
  @Post()
  @HttpCode(200)
  run(@User() user: CurrentUser, @Param('object') object: string, @Body() body: unknown, @Query() query: Record<string, unknown>) {
    return this.bulk.run(user, object, body, dryRunParam(query));
  }
}
