import { Global, Module } from '@nestjs/common';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { HealthController } from './health.controller.js';
import { HEALTH_PROBES, type HealthProbes } from './health-probes.js';

/** Health probes start with safe answers; the queue, metadata and plugin modules replace their part at start. */
@Global()
@Module({
  controllers: [HealthController],
  providers: [{
    provide: HEALTH_PROBES,
    inject: [LOOM_CONFIG],
    useFactory: (config: LoomConfig): HealthProbes => ({
      queue: async () => (config.redisUrl ? 'down' : 'inline'),
      revision: async () => null,
      plugins: () => [],
    }),
  }],
  exports: [HEALTH_PROBES],
})
export class HealthModule {}
