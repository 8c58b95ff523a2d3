import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { badRequest } from '../common/problem.js';
import { parseBody } from '../common/parse-body.js';
import { createViewSchema, updateViewSchema, type CreateViewInput, type ViewInput } from './view.schemas.js';
import { ViewsService } from './views.service.js';

/** Saved list views (README.md): `GET/POST /api/views?object=`, `GET/PATCH/DELETE /api/views/{id}`. */
@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  @Get()
  list(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    const extra = Object.keys(query).filter((k) => k !== 'object');
    if (extra.length) throw badRequest(`Unknown query parameter(s): ${extra.join(', ')}`, extra.map((k) => ({ path: `/${k}`, message: 'is not a parameter of this list' })));
    if (typeof query.object !== 'string' || !query.object) throw badRequest('object is required', [{ path: '/object', message: 'is required' }]);
    return this.views.list(user, query.object);
  }

  @Post()
  create(@User() user: CurrentUser, @Body() body: unknown) {
    return this.views.create(user, parseBody<CreateViewInput>(createViewSchema, body));
  }

  @Get(':id')
  get(@User() user: CurrentUser, @Param('id') id: string) {
    return this.views.getOrThrow(user, id);
  }

  @Patch(':id')
  update(@User() user: CurrentUser, @Param('id') id: string, @Body() body: unknown) {
    return this.views.update(user, id, parseBody<ViewInput>(updateViewSchema, body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@User() user: CurrentUser, @Param('id') id: string) {
    return this.views.remove(user, id);
  }
}
