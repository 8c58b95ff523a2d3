import { Inject, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { HEALTH_PROBES, type HealthProbes } from '../health/health-probes.js';
import { MetadataRegistry } from '../metadata/metadata-registry.service.js';
import { RecordsModule } from '../records/records.module.js';
import { PluginContexts } from './plugin-contexts.service.js';
import { PluginJobs } from './plugin-jobs.service.js';
import { PluginLifecycle } from './plugin-lifecycle.service.js';
import { PluginRecordWrites } from './plugin-record-writes.service.js';
import { PluginRoutesController } from './plugin-routes.controller.js';
import { PluginRuntime } from './plugin-runtime.service.js';
import { PluginStore } from './plugin-store.js';
import { PluginsController } from './plugins.controller.js';

const PLUGIN_LAYERS_READY = Symbol('PLUGIN_LAYERS_READY');
const SYNC_MS = 5_000;

/**
 * Plugins (DESIGN.md §6). The metadata layers of installed plugins are set while providers are built
 * (before the metadata module's first publish check), so a restart never re-plans them; enabled
 * plugins' code is imported at init, and a plugin that fails to load is marked failed while the rest start.
 */
@Module({
  imports: [RecordsModule],
  controllers: [PluginsController, PluginRoutesController],
  providers: [
    PluginStore, PluginRecordWrites, PluginContexts, PluginRuntime, PluginLifecycle, PluginJobs,
    {
      provide: PLUGIN_LAYERS_READY,
      inject: [PluginRuntime],
      useFactory: async (runtime: PluginRuntime) => {
        runtime.scan();
        await runtime.sync();
        return true;
      },
    },
  ],
})
export class PluginsModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly runtime: PluginRuntime, private readonly jobs: PluginJobs, private readonly registry: MetadataRegistry,
    @Inject(HEALTH_PROBES) private readonly probes: HealthProbes, @Inject(LOOM_CONFIG) private readonly config: LoomConfig,
    @Inject(PLUGIN_LAYERS_READY) _ready: boolean,
  ) {}

  onModuleInit(): void {
    this.jobs.register();
    this.probes.plugins = () => this.runtime.health();
    // another node installed, enabled or upgraded a plugin: follow core.plugin
    this.registry.onChange(() => void this.runtime.exclusive(() => this.runtime.sync()).catch(() => undefined));
  }

  onApplicationBootstrap(): void {
    if (this.config.role !== 'api') this.jobs.start();
    this.timer = setInterval(() => void this.runtime.exclusive(() => this.runtime.sync()).catch(() => undefined), SYNC_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    this.jobs.stop();
    if (this.timer) clearInterval(this.timer);
  }
}
