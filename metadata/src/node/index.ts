/** Node-only entry (`@loom/metadata/node`): reads metadata from disk. */
export { loadMetadataDir } from './load-metadata-dir.js';
export { baseCrmDir, loadBaseCrm } from './load-base-crm.js';
