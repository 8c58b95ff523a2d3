import { Global, Module } from '@nestjs/common';
import { StageGuard } from './stage-guard.service.js';

/** Global so the one write path (records) can check stage changes without importing the board module. */
@Global()
@Module({ providers: [StageGuard], exports: [StageGuard] })
export class StageGuardModule {}
