import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { loomWebPlugins, pluginDirs } from './vite/web-plugin-entries.ts';

const pluginFolders = pluginDirs(fileURLToPath(new URL('../plugins', import.meta.url)));

// Element Plus is resolved per component (with its CSS) so the login route
// only ships the handful of components it renders.
export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // plugins' web entries are compiled into this build (sharing Vue and Element Plus); see plugins/sdk/README.md
    loomWebPlugins(pluginFolders),
    Components({
      dirs: [],
      dts: 'src/components.d.ts',
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // from source: the web build needs no SDK build first, and plugins outside the workspace get the same copy
      '@loom/plugin-sdk/web': fileURLToPath(new URL('../plugins/sdk/src/web/index.ts', import.meta.url)),
    },
    // one Vue, Element Plus and vue-i18n for the host and every plugin (LOOM_PLUGINS_DIR folders included)
    dedupe: ['vue', 'vue-router', 'vue-i18n', 'pinia', 'element-plus', '@element-plus/icons-vue'],
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url)), ...pluginFolders] },
    // LOOM_API_URL points the dev server at another API (e.g. http://localhost:3100).
    proxy: { '/api': { target: process.env.LOOM_API_URL ?? 'http://localhost:3000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json lets scripts/measure-route-size.mjs follow a route's static imports.
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // @loom/metadata is pure (no import-time effects) but its package.json does not say so; without
      // this, importing parseCondition would also ship the JSON Schema validator (ajv) to the browser.
      treeshake: {
        moduleSideEffects: (id) => (/[\\/]metadata[\\/]dist[\\/]/.test(id) ? false : undefined),
      },
      output: {
        codeSplitting: {
          // The framework every route needs, cached apart from the app's own code.
          groups: [{ name: 'framework', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ }],
        },
      },
    },
  },
});
