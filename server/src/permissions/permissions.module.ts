import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RecordsModule } from '../records/records.module.js';
import { ExplainService } from './explain.service.js';
import { LoadSharesGuard } from './load-shares.guard.js';
import { PermissionsController } from './permissions.controller.js';
import { PermissionsService } from './permissions.service.js';
import { RecordShareService } from './record-share.service.js';
import { RecordSharesController } from './record-shares.controller.js';
import { RequestShares } from './request-shares.js';

/** Roles → scopes, field masks and write checks for every records path; record sharing; explain. */
@Global()
@Module({
  imports: [RecordsModule],
  controllers: [PermissionsController, RecordSharesController],
  providers: [
    PermissionsService, RecordShareService, RequestShares, ExplainService, LoadSharesGuard,
    { provide: APP_GUARD, useExisting: LoadSharesGuard },
  ],
  exports: [PermissionsService, RecordShareService],
})
export class PermissionsModule {}
