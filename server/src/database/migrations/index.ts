import { CoreAuth1764489600001 } from './0001-core-auth.js';

/** Every system-table migration, in order. */
export const migrations = [CoreAuth1764489600001];
