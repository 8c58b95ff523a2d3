import { Global, Module } from '@nestjs/common';
import { loadPluginSettings, PLUGIN_SETTINGS } from './plugin-settings.js';
import { RecordHooks } from './record-hooks.service.js';

/** Global so the one write path (records) can run plugin hooks without importing the plugins module. */
@Global()
@Module({
  providers: [{ provide: PLUGIN_SETTINGS, useFactory: () => loadPluginSettings() }, RecordHooks],
  exports: [RecordHooks, PLUGIN_SETTINGS],
})
export class PluginHooksModule {}
