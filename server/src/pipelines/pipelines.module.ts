import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { BoardService } from './board.service.js';
import { PipelinesController } from './pipelines.controller.js';

@Module({ imports: [RecordsModule], controllers: [PipelinesController], providers: [BoardService] })
export class PipelinesModule {}
