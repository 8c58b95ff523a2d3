import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { ExplainService } from './explain.service.js';

@ApiTags('permissions')
@ApiBearerAuth()
@Controller('permissions')
export class PermissionsController {
  constructor(private readonly explainer: ExplainService) {}

  /** `?user=&action=read|create|update|delete&object=&record=&field=` → `{ allowed, decidedBy, scope, fields }`. */
  @Get('explain')
  explain(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.explainer.explain(user, this.explainer.parse(query));
  }
}
