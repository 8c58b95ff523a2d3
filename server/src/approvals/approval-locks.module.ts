import { Global, Module } from '@nestjs/common';
import { ApprovalLocks } from './approval-locks.service.js';

/** Global so the one write path (records) can check approval locks without importing the approvals module. */
@Global()
@Module({ providers: [ApprovalLocks], exports: [ApprovalLocks] })
export class ApprovalLocksModule {}
