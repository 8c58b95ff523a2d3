import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { forbidden, notFound } from '../common/problem.js';
import { parseBody } from '../common/parse-body.js';
import { RecordReader } from '../records/record-reader.service.js';
import { isUuid } from '../users/users.service.js';
import { PermissionsService } from './permissions.service.js';
import { RecordShareService, type ShareAccess } from './record-share.service.js';

const UUID = { type: 'string', pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
const shareSchema = {
  type: 'object', additionalProperties: false, required: ['access'],
  properties: { user: UUID, team: UUID, access: { enum: ['read', 'write'] } },
  oneOf: [{ required: ['user'] }, { required: ['team'] }],
};

/** Sharing one record with a user or a team (read or write), by its owner or an admin. */
@ApiTags('records')
@ApiBearerAuth()
@Controller('records/:object/:id/shares')
export class RecordSharesController {
  constructor(private readonly reader: RecordReader, private readonly shares: RecordShareService, private readonly permissions: PermissionsService) {}

  @Get()
  async list(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string) {
    await this.ownerOrAdminOrThrow(user, object, id);
    return this.shares.list(object, id);
  }

  @Post()
  async create(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Body() body: unknown) {
    await this.ownerOrAdminOrThrow(user, object, id);
    const input = parseBody<{ user?: string; team?: string; access: ShareAccess }>(shareSchema, body);
    return this.shares.create(object, id, input, input.access, user.id);
  }

  @Delete(':shareId')
  @HttpCode(204)
  async remove(@User() user: CurrentUser, @Param('object') object: string, @Param('id') id: string, @Param('shareId') shareId: string) {
    await this.ownerOrAdminOrThrow(user, object, id);
    if (!isUuid(shareId)) throw notFound(`No share ${shareId}`);
    await this.shares.remove(object, id, shareId);
  }

  /** 404 unless the caller may read the record; 403 unless they own it or are an admin. */
  private async ownerOrAdminOrThrow(user: CurrentUser, object: string, id: string): Promise<void> {
    if (!isUuid(id)) throw notFound(`No ${object} ${id}`);
    const record = await this.reader.getOrThrow(user, object, id, { fields: ['owner'] });
    if (record.owner !== user.id && !this.permissions.isAdmin(user)) throw forbidden('Only the record’s owner or an admin may manage its shares');
  }
}
