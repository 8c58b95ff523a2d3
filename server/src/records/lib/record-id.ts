import { v7 } from 'uuid';

/**
 * A new record's id, made in Node: a UUIDv7 (RFC 9562), time-ordered, so a new row's keys go to the
 * right edge of its table's id index and of the history's record index instead of a random leaf of
 * each (fewer pages touched, and fewer written whole to the WAL after a checkpoint). Within one
 * process, ids made later sort after earlier ones.
 */
export const newRecordId = (): string => v7();
