import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { LOOM_CONFIG, type LoomConfig } from '../config/config.js';
import { DemoLoader, type DemoOutcome } from './demo-loader.service.js';
import { loadDemoSettings } from './demo-settings.js';

/** With LOOM_DEMO=1, the first start of an empty CRM loads the demo data set before serving. */
@Module({ providers: [DemoLoader], exports: [DemoLoader] })
export class DemoModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('demo');

  constructor(private readonly loader: DemoLoader, @Inject(LOOM_CONFIG) private readonly config: LoomConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const settings = loadDemoSettings();
    this.logger.log({ msg: 'loading demo data', scale: settings.scale, seed: settings.seed });
    const outcome = await this.loader.load({ ...settings, report: (line) => this.logger.log({ msg: `demo: ${line.replace(/\s+/g, ' ')}` }) });
    reportOutcome(outcome, (line) => this.logger.log({ msg: line }));
  }
}

/** The closing lines: what was loaded and how long it took, or why nothing was. */
export function reportOutcome(outcome: DemoOutcome, print: (line: string) => void): void {
  if (!outcome.loaded) {
    print(`demo data not loaded: ${outcome.reason}`);
    return;
  }
  const total = Object.values(outcome.counts).reduce((a, b) => a + b, 0);
  print(`demo data loaded: ${total} rows in ${outcome.seconds.toFixed(1)} s (${Math.round(total / outcome.seconds)} rows/s)`);
  if (outcome.password) {
    // printed once, on purpose, like the first admin's password
    process.stdout.write(`\n  Demo users created (e.g. wei.zhang@demo.loom.local, sales rep) — password for all: ${outcome.password}\n  (shown only once)\n\n`);
  }
}
