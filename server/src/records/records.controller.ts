import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, User } from '../auth/current-user.js';
import { badRequest } from '../common/problem.js';
import { parseBody } from '../common/parse-body.js';
import { checkIdempotencyKey, createdAnswer, etagOf, parseIfMatch } from './lib/request-headers.js';
import { RecordHistoryService } from './record-history.service.js';
import { RecordReader } from './record-reader.service.js';
import { RecordsService } from './records.service.js';

const restoreSchema = {
  type: 'object', additionalProperties: false,
  properties: { fields: { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' }, minItems: 1, maxItems: 500, uniqueItems: true } },
};

@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object')
export class RecordsController {
  constructor(private readonly records: RecordsService, private readonly reader: RecordReader, private readonly history: RecordHistoryService) {}

  @Get()
  async list(@User() user: CurrentUser, @Param('object') object: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    this.records.objectOrThrow(object);
    reply.type('application/json; charset=utf-8').send(await this.reader.listJson(user, object, query));
  }

  @Post()
  async create(@User() user: CurrentUser, @Param('object') object: string, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    checkIdempotencyKey(key);
    const { record, replayed } = await this.records.create(user, object, body, key);
    const answer = createdAnswer(object, record, replayed);
    reply.status(answer.status).headers(answer.headers);
    return record;
  }

  @Get(':id')
  async get(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Query() query: Record<string, unknown>, @Res() reply: FastifyReply) {
    if (Object.keys(query).length) {
      const { record, version } = await this.reader.getWithQuery(user, object, id, query);
      reply.header('etag', etagOf(version)).send(record);
      return;
    }
    const { json, version } = await this.records.getJson(user, object, id);
    reply.header('etag', etagOf(version)).type('application/json; charset=utf-8').send(json);
  }

  @Patch(':id')
  async update(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Body() body: unknown, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const record = await this.records.update(user, object, id, body, parseIfMatch(ifMatch));
    reply.header('etag', etagOf(record.version));
    return record;
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Headers('if-match') ifMatch: string | undefined) {
    await this.records.remove(user, object, id, parseIfMatch(ifMatch));
  }

  @Post(':id/restore')
  @HttpCode(200)
  restore(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string) {
    return this.records.restore(user, object, id);
  }

  @Get(':id/history')
  listHistory(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string) {
    return this.history.list(user, object, id);
  }

  @Post(':id/history/:version/restore')
  @HttpCode(200)
  restoreVersion(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Param('version') version: string, @Body() body: unknown) {
    if (!/^\d{1,9}$/.test(version)) throw badRequest('version must be a number', [{ path: '/version', message: 'is not a number' }]);
    const { fields } = parseBody<{ fields?: string[] }>(restoreSchema, body);
    return this.history.restore(user, object, id, Number(version), fields);
  }
}
