import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, User } from '../auth/current-user.js';
import { ExportService } from './export.service.js';

@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object/export')
export class RecordsExportController {
  constructor(private readonly exports: ExportService) {}

  /** `?format=csv|xlsx&filter=&fields=&sort=&q=` → a file download, streamed. */
  @Get()
  async export(@User() user: CurrentUser, @Param('object') object: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    const file = await this.exports.export(user, object, query);
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}
