import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { ViewsController } from './views.controller.js';
import { ViewsService } from './views.service.js';

/** Saved list views per user, shareable (README.md). */
@Module({
  imports: [RecordsModule],
  controllers: [ViewsController],
  providers: [ViewsService],
})
export class ViewsModule {}
