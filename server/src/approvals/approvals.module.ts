import { Module } from '@nestjs/common';
import { ReadContextService } from '../records/read-context.service.js';
import { RecordsModule } from '../records/records.module.js';
import { ApprovalCommands } from './approval-commands.service.js';
import { ApprovalDecidedHooks } from './approval-decided-hooks.service.js';
import { ApprovalOutcome } from './approval-outcome.service.js';
import { ApprovalPlanner } from './approval-planner.service.js';
import { ApprovalRecordReader } from './approval-record.service.js';
import { ApprovalSubmission } from './approval-submission.service.js';
import { ApprovalTimeoutSweeper } from './approval-timeout-sweeper.service.js';
import { ApprovalViews } from './approval-views.service.js';
import { ApprovalsController } from './approvals.controller.js';
import { ApproverResolver } from './approver-resolver.service.js';
import { RecordConditions } from './record-conditions.service.js';

/** The approval engine (DESIGN.md §2): state machine in core.approval_*, inbox, record access for approvers, timeouts. The lock check lives in ApprovalLocksModule. */
@Module({
  imports: [RecordsModule],
  controllers: [ApprovalsController],
  providers: [
    ApprovalSubmission, ApprovalCommands, ApprovalDecidedHooks, ApprovalViews, ApprovalRecordReader, ApprovalOutcome, ApprovalPlanner,
    ApproverResolver, RecordConditions, ApprovalTimeoutSweeper, ReadContextService,
  ],
  exports: [ApprovalSubmission],
})
export class ApprovalsModule {}
