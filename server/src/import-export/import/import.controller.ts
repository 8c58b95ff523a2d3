import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, User } from '../../auth/current-user.js';
import { ImportRequests } from './import-requests.service.js';

/** API.md "Import and export": imports run as jobs (`GET /api/jobs/{id}`), and can be reverted. */
@ApiTags('import')
@ApiBearerAuth()
@Controller()
export class ImportController {
  constructor(private readonly imports: ImportRequests) {}

  @Post('records/:object/import')
  @HttpCode(202)
  start(@User() user: CurrentUser, @Param('object') object: string, @Req() req: FastifyRequest) {
    return this.imports.start(user, object, req);
  }

  @Get('imports/:job')
  view(@User() user: CurrentUser, @Param('job') job: string) {
    return this.imports.view(user, job);
  }

  @Post('imports/:job/revert')
  @HttpCode(202)
  revert(@User() user: CurrentUser, @Param('job') job: string) {
    return this.imports.revert(user, job);
  }
}
