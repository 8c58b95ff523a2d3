import { Injectable } from '@nestjs/common';
import type { ApprovalDef } from '@loom/metadata';
import type { Tx } from '../database/db.js';
import type { StepPlan } from './approval-types.js';
import { ApproverResolver } from './approver-resolver.service.js';
import { RecordConditions } from './record-conditions.service.js';

/** What the state machine needs to know about each step, for this record, now: does it apply, and who approves. */
@Injectable()
export class ApprovalPlanner {
  constructor(private readonly conditions: RecordConditions, private readonly approvers: ApproverResolver) {}

  async plan(tx: Tx, def: ApprovalDef, recordId: string, record: Record<string, unknown>, submittedBy: string): Promise<StepPlan[]> {
    const plan: StepPlan[] = [];
    for (const step of def.steps) {
      const applies = step.when ? await this.conditions.holds(tx, def.object, recordId, step.when, submittedBy) : true;
      plan.push({
        applies,
        assignees: applies ? await this.approvers.resolve(tx, step.approvers, record) : [],
        escalateTo: applies && step.timeout?.to ? await this.approvers.resolve(tx, step.timeout.to, record) : [],
      });
    }
    return plan;
  }
}
