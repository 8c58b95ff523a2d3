import { DEFAULT_SEED } from './demo-loader.service.js';

export interface DemoSettings {
  seed: number;
  scale: number;
  password?: string;
}

/**
 * LOOM_DEMO_SEED (integer), LOOM_DEMO_SCALE (0.001–1, default 1) and LOOM_DEMO_PASSWORD (at least 8
 * characters; default random, printed once), overridden by `--seed N --scale X` on the command line.
 */
export function loadDemoSettings(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): DemoSettings {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seedText = arg('seed') ?? env.LOOM_DEMO_SEED;
  const scaleText = arg('scale') ?? env.LOOM_DEMO_SCALE;
  const seed = seedText ? Number(seedText) : DEFAULT_SEED;
  const scale = scaleText ? Number(scaleText) : 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new Error(`demo seed must be an integer from 0 to 4294967295, got "${seedText}"`);
  if (!Number.isFinite(scale) || scale < 0.001 || scale > 1) throw new Error(`demo scale must be a number from 0.001 to 1, got "${scaleText}"`);
  const password = env.LOOM_DEMO_PASSWORD || undefined;
  if (password !== undefined && password.length < 8) throw new Error('LOOM_DEMO_PASSWORD must be at least 8 characters');
  return { seed, scale, password };
}
