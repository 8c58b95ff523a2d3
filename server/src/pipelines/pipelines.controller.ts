import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { BoardService } from './board.service.js';

@ApiTags('pipelines')
@ApiBearerAuth()
@Controller('pipelines')
export class PipelinesController {
  constructor(private readonly boards: BoardService) {}

  @Get(':name/board')
  board(@User() user: CurrentUser, @Param('name') name: string, @Query() query: Record<string, unknown>) {
    return this.boards.board(user, name, query);
  }
}
