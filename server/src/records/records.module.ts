import { Module } from '@nestjs/common';
import { RecordHistoryService } from './record-history.service.js';
import { RecordReader } from './record-reader.service.js';
import { RecordWriter } from './record-writer.service.js';
import { ReadContextService } from './read-context.service.js';
import { RecordsController } from './records.controller.js';
import { RecordsService } from './records.service.js';

@Module({
  controllers: [RecordsController],
  providers: [RecordsService, RecordReader, RecordWriter, RecordHistoryService, ReadContextService],
  exports: [RecordsService, RecordReader, RecordWriter, ReadContextService],
})
export class RecordsModule {}
