import { CoreAuth1764489600001 } from './0001-core-auth.js';
import { Metadata1764489600002 } from './0002-metadata.js';
import { Records1764489600003 } from './0003-records.js';
import { Permissions1764489600004 } from './0004-permissions.js';
import { Jobs1764489600005 } from './0005-jobs.js';
import { Approvals1764489600006 } from './0006-approvals.js';
import { Imports1764489600007 } from './0007-imports.js';
import { Plugins1764489600008 } from './0008-plugins.js';
import { Views1764489600009 } from './0009-views.js';
import { MetadataKeyOrder1764489600010 } from './0010-metadata-key-order.js';
import { OutboxEventIdIndex1764489600011 } from './0011-outbox-event-id-index.js';

/** Every system-table migration, in order. */
export const migrations = [CoreAuth1764489600001, Metadata1764489600002, Records1764489600003, Permissions1764489600004, Jobs1764489600005, Approvals1764489600006, Imports1764489600007, Plugins1764489600008, Views1764489600009, MetadataKeyOrder1764489600010, OutboxEventIdIndex1764489600011];
