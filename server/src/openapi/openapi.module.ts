import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { RecordsModule } from '../records/records.module.js';
import { OpenApiObjects } from './openapi-objects.service.js';

@Module({ imports: [AuthModule, RecordsModule], providers: [OpenApiObjects], exports: [OpenApiObjects] })
export class OpenApiModule {}
