import { Injectable } from '@nestjs/common';
import type { MetadataSet } from '@loom/metadata';
import { loadBaseCrm } from '@loom/metadata/node';
import { hashOf } from './canonical-hash.js';

export interface Layer {
  source: string;
  set: MetadataSet;
}

/**
 * The layers below the admin's: the base CRM from metadata/crm, then enabled plugins in dependency
 * order (the plugin module registers them). The admin layer lives in core.metadata_revision.
 */
@Injectable()
export class MetadataLayers {
  private readonly base: Layer = { source: 'base', set: loadBaseCrm() };
  private plugins: Layer[] = [];

  below(): Layer[] {
    return [this.base, ...this.plugins];
  }

  baseSet(): MetadataSet {
    return this.base.set;
  }

  setPluginLayers(layers: Layer[]): void {
    this.plugins = layers;
  }

  /** Changes when the base CRM or the set of enabled plugins changes (an upgrade). */
  hash(): string {
    return hashOf(this.below());
  }
}
