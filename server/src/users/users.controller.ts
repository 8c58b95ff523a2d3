import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '../auth/current-user.js';
import { parseBody } from '../common/parse-body.js';
import { createUserSchema, updateUserSchema } from './user.schemas.js';
import { UserInput, UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  list() {
    return this.users.list();
  }

  @Post()
  create(@Body() body: unknown) {
    return this.users.create(parseBody(createUserSchema, body));
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.users.get(id);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown) {
    return this.users.update(id, parseBody<UserInput>(updateUserSchema, body));
  }

  @Delete(':id')
  @HttpCode(200)
  remove(@Param('id') id: string) {
    return this.users.deactivate(id);
  }
}
