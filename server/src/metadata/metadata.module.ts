import { Global, Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HEALTH_PROBES, type HealthProbes } from '../health/health-probes.js';
import { MetadataController } from './metadata.controller.js';
import { MetadataLayers } from './metadata-layers.js';
import { MetadataPublisher } from './metadata-publisher.service.js';
import { MetadataRegistry } from './metadata-registry.service.js';
import { MetadataStore } from './metadata-store.js';

@Global()
@Module({
  controllers: [MetadataController],
  providers: [MetadataStore, MetadataLayers, MetadataRegistry, MetadataPublisher],
  exports: [MetadataRegistry, MetadataPublisher, MetadataLayers],
})
export class MetadataModule implements OnModuleInit {
  private readonly logger = new Logger('metadata');

  constructor(
    private readonly registry: MetadataRegistry,
    private readonly publisher: MetadataPublisher,
    private readonly layers: MetadataLayers,
    @Inject(HEALTH_PROBES) private readonly probes: HealthProbes,
  ) {}

  /** First start publishes the base CRM (revision 1, its tables); a newer base CRM is published on upgrade. */
  async onModuleInit(): Promise<void> {
    const current = await this.registry.reload();
    if (!current || current.baseHash !== this.layers.hash()) {
      try {
        const result = await this.publisher.publish({ change: (admin) => admin, author: null, message: current ? 'upgrade base metadata' : 'base CRM' });
        if (result.applied) this.logger.log({ msg: 'metadata published', revision: result.revision, changes: result.plan.changes.length });
      } catch (e) {
        if (!current) throw e;
        this.logger.warn({ msg: 'base metadata upgrade needs review; keeping the current revision', err: e instanceof Error ? e.message : String(e) });
      }
    }
    this.probes.revision = async () => (this.registry.loaded ? this.registry.current().number : null);
    await this.registry.listen();
  }
}
