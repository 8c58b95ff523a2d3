import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { User, type CurrentUser } from '../../auth/current-user.js';
import { badRequest, notFound } from '../../common/problem.js';
import { Db } from '../../database/db.js';
import { isUuid } from '../../users/users.service.js';

interface NotificationRow {
  id: string; message: string; object: string | null; record_id: string | null; automation: string | null; created_at: Date; read_at: Date | null;
}

const view = (r: NotificationRow) => ({
  id: r.id, message: r.message, object: r.object, recordId: r.record_id, automation: r.automation,
  createdAt: new Date(r.created_at).toISOString(), readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

/** The caller's own notifications (from notify actions): newest first, with the unread count. */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly db: Db) {}

  @Get()
  async list(@User() user: CurrentUser, @Query() query: Record<string, string>) {
    const extra = Object.keys(query).filter((k) => k !== 'unread' && k !== 'limit');
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter' })));
    if (query.unread !== undefined && query.unread !== 'true' && query.unread !== 'false') throw badRequest('unread must be true or false', [{ path: '/unread', message: 'must be true or false' }]);
    const limit = query.limit === undefined ? 50 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('limit must be an integer from 1 to 500', [{ path: '/limit', message: 'out of range' }]);
    const rows = await this.db.query<NotificationRow>(
      `SELECT id, message, object, record_id, automation, created_at, read_at FROM core.notification
        WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $3`,
      [user.id, query.unread === 'true', limit],
    );
    const [{ unread }] = await this.db.query<{ unread: number }>(`SELECT count(*)::int AS unread FROM core.notification WHERE user_id = $1 AND read_at IS NULL`, [user.id]);
    return { data: rows.map(view), unread };
  }

  @Post(':id/read')
  @HttpCode(200)
  async read(@User() user: CurrentUser, @Param('id') id: string) {
    const [row] = isUuid(id)
      ? await this.db.query<NotificationRow>(
        `UPDATE core.notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2
         RETURNING id, message, object, record_id, automation, created_at, read_at`, [id, user.id])
      : [];
    if (!row) throw notFound(`No notification ${id}`);
    return view(row);
  }
}
