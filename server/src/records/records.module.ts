import { Module } from '@nestjs/common';
import { AggregateService } from './aggregate.service.js';
import { BulkService } from './bulk.service.js';
import { DuplicatesService } from './duplicates.service.js';
import { ExportService } from './export.service.js';
import { MergeService } from './merge.service.js';
import { ReadScope } from './read-scope.service.js';
import { RecordHistoryService } from './record-history.service.js';
import { RecordReader } from './record-reader.service.js';
import { RecordWriter } from './record-writer.service.js';
import { ReadContextService } from './read-context.service.js';
import { RecordsAggregateController } from './records-aggregate.controller.js';
import { RecordsBulkController } from './records-bulk.controller.js';
import { RecordsDuplicatesController } from './records-duplicates.controller.js';
import { RecordsExportController } from './records-export.controller.js';
import { RecordsTimelineController } from './records-timeline.controller.js';
import { RecordsController } from './records.controller.js';
import { RecordsService } from './records.service.js';
import { TimelineSources } from './timeline-sources.service.js';
import { TimelineService } from './timeline.service.js';
import { WriteValidation } from './write-validation.service.js';

@Module({
  controllers: [RecordsController, RecordsBulkController, RecordsAggregateController, RecordsExportController, RecordsTimelineController, RecordsDuplicatesController],
  providers: [RecordsService, RecordReader, RecordWriter, RecordHistoryService, ReadContextService, ReadScope, WriteValidation, BulkService, AggregateService, ExportService, TimelineService, TimelineSources, DuplicatesService, MergeService],
  exports: [RecordsService, RecordReader, RecordWriter, ReadContextService],
})
export class RecordsModule {}
