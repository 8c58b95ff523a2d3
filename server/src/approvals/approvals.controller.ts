import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, User } from '../auth/current-user.js';
import { parseBody } from '../common/parse-body.js';
import { approveSchema, commentSchema, reassignSchema, recallSchema, rejectSchema, returnSchema, submitSchema } from './approval-body.schemas.js';
import { ApprovalCommands } from './approval-commands.service.js';
import { ApprovalRecordReader } from './approval-record.service.js';
import { ApprovalSubmission, type SubmitInput } from './approval-submission.service.js';
import { ApprovalViews } from './approval-views.service.js';
import { parseApprovalListQuery } from './lib/parse-approval-list-query.js';

type Comment = { comment?: string };

/** API.md "Approvals": submit, inbox, one request, the record under approval, and the actions on a request. */
@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approvals')
export class ApprovalsController {
  constructor(
    private readonly submission: ApprovalSubmission, private readonly commands: ApprovalCommands,
    private readonly views: ApprovalViews, private readonly records: ApprovalRecordReader,
  ) {}

  @Post()
  async submit(@User() user: CurrentUser, @Body() body: unknown) {
    const id = await this.submission.submit(user, parseBody<SubmitInput>(submitSchema, body));
    return this.views.get(user, id);
  }

  @Get()
  list(@User() user: CurrentUser, @Query() query: Record<string, unknown>) {
    return this.views.list(user, parseApprovalListQuery(query));
  }

  @Get(':id')
  get(@User() user: CurrentUser, @Param('id') id: string) {
    return this.views.get(user, id);
  }

  @Get(':id/record')
  record(@User() user: CurrentUser, @Param('id') id: string) {
    return this.records.read(user, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  async approve(@User() user: CurrentUser, @Param('id') id: string, @Body() body: unknown) {
    const { comment } = parseBody<Comment>(approveSchema, body);
    return this.act(user, id, { kind: 'approve', by: user.id, comment });
  }

  @Post(':id/reject')
  @HttpCode(200)
  async reject(@User() user: CurrentUser, @Param('id') id: string, @Body() body: unknown) {
    const { comment } = parseBody<Comment>(rejectSchema, body);
    return this.act(user, id, { kind: 'reject', by: user.id, comment });
  }

  @Post(':id/return')
  @HttpCode(200)
  async returnTo(@User() user: CurrentUser, @Param('id') id: string, @Body() body: unknown) {
    const { toStep, comment } = parseBody<Comment & { toStep?: number | string }>(returnSchema, body);
    return this.act(user, id, { kind: 'return', by: user.id, toStep, comment });
  }

  @Post(':id/recall')
  @HttpCode(200)
  async recall(@User() user: CurrentUser, @Param('id') id: string, @Body() body: unknown) {
    const { comment } = parseBody<Comment>(recallSchema, body);
    return this.act(user, id, { kind: 'recall', by: user.id, comment });
  }

  @Post(':id/reassign')
  @HttpCode(200)
  async reassign(@User() user: CurrentUser, @Param('id') id: string, @Body() body: unknown) {
    const { to, comment } = parseBody<Comment & { to: string }>(reassignSchema, body);
    return this.act(user, id, { kind: 'reassign', by: user.id, to, comment });
  }

  @Post(':id/comment')
  @HttpCode(200)
  async comment(@User() user: CurrentUser, @Param('id') id: string, @Body() body: unknown) {
    const { comment } = parseBody<{ comment: string }>(commentSchema, body);
    return this.act(user, id, { kind: 'comment', by: user.id, comment });
  }

  private async act(user: CurrentUser, id: string, command: Parameters<ApprovalCommands['act']>[1]) {
    await this.commands.act(id, command);
    return this.views.get(user, id);
  }
}
