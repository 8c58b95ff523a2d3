import { DynamicModule, Global, Module } from '@nestjs/common';
import { LOOM_CONFIG, type LoomConfig } from './config.js';

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: LoomConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: LOOM_CONFIG, useValue: config }], exports: [LOOM_CONFIG] };
  }
}
