/** Node-only entry (`@loom/plugin-sdk/node`): reads and checks plugin folders (the CLI and the server use it). */
export { readPluginFolder, type PluginFolder } from './read-plugin-folder.js';
export { checkPlugin, type PluginCheck } from './check-plugin.js';
export { engineVersion, sdkDir } from './engine-version.js';
