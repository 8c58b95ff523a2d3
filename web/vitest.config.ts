import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.spec.ts', 'vite/**/*.spec.ts'],
      setupFiles: ['src/test-setup.ts'],
      // Element Plus modules import their CSS; let Vite handle those instead of Node.
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
);
