/** How much a change can hurt: safe (additive), breaking (checked against data first), destructive (archive/purge). */
export type ChangeClass = 'safe' | 'breaking' | 'destructive';

/** One typed step of a migration plan; `sql` is exactly what runs, in order. */
export interface SchemaAction {
  kind:
    | 'createTable' | 'addColumn' | 'createJoinTable' | 'createSequence' | 'createIndex' | 'dropIndex'
    | 'alterColumnType' | 'widenColumn' | 'tightenConstraint' | 'archiveField' | 'archiveObject' | 'restoreField'
    | 'dropColumn' | 'dropTable' | 'metadataOnly';
  class: ChangeClass;
  path: string;
  description: string;
  sql: string[];
  /** Statements that must run after the transaction (CREATE INDEX CONCURRENTLY). */
  after?: string[];
  /** For tightening: a query returning `{ n }`, the number of rows that would break it. */
  check?: { sql: string; message: string };
}

export interface MigrationPlan {
  hash: string;
  changes: SchemaAction[];
  warnings: string[];
  whereUsed: { path: string; usedBy: string[] }[];
}
