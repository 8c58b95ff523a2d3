import { Module } from '@nestjs/common';
import { TeamsController } from './teams.controller.js';
import { TeamsService } from './teams.service.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [UsersController, TeamsController],
  providers: [UsersService, TeamsService],
  exports: [UsersService, TeamsService],
})
export class UsersModule {}
