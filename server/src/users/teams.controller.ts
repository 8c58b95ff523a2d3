import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/current-user.js';
import { parseBody } from '../common/parse-body.js';
import { TeamsService, TeamInput } from './teams.service.js';
import { createTeamSchema, updateTeamSchema } from './user.schemas.js';

@ApiTags('teams')
@ApiBearerAuth()
@AdminOnly()
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get()
  list() {
    return this.teams.list();
  }

  @Post()
  create(@Body() body: unknown) {
    return this.teams.create(parseBody(createTeamSchema, body));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.teams.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.teams.update(id, parseBody<TeamInput>(updateTeamSchema, body));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string) {
    return this.teams.remove(id);
  }
}
