import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import pg, { type PoolClient } from 'pg';

/** The driver's own mapping of a bound value to its text (what pg's prepare() binds with). */
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(value: unknown): unknown };

/** A prepared statement's query config but its values. */
interface Statement { name: string; text: string }

const statements = new Map<string, Statement>();
/** The prepared statement named from its text (remembered: the hot paths send the same few texts). */
function statementFor(sql: string): Statement {
  let s = statements.get(sql);
  if (s === undefined) {
    s = { name: 's' + createHash('sha1').update(sql).digest('hex').slice(0, 20), text: sql };
    if (statements.size >= 10_000) statements.clear();
    statements.set(sql, s);
  }
  return s;
}

/** A RowDescription message as the driver hands it to a query (pg-protocol). */
interface RowDescription { fields: unknown[] }

/** The driver's connection, as a query's prepare() writes to it (pg/lib/connection.js). */
interface Connection {
  bind(config: { portal?: string; statement?: string; values?: unknown[]; binary?: boolean; valueMapper?: unknown }): void;
  sync(): void;
}

/** The driver's query internals PreparedQuery sets or calls (pg/lib/query.js). */
interface QueryInternals {
  name?: string;
  values?: unknown[];
  portal?: string;
  binary?: boolean;
  rows?: number;
  callback?: (err: Error | null, result: { rows: unknown[] }) => void;
  handleError(err: unknown, connection: Connection): void;
  _getRows(connection: Connection, rows?: number): void;
  _accumulateRows: boolean;
  _canceledDueToError: unknown;
  _result: { rows: unknown[] };
}

/**
 * Each connection's row descriptions by statement name: a prepared statement's result columns are
 * fixed by its text (which names them, and is new whenever the metadata changes them: STACK.md).
 */
const described = new WeakMap<Connection, Map<string, RowDescription>>();

/**
 * A prepared statement as the driver's own query object: a config object would be copied property
 * by property first (pg's cloneQueryConfig, ~2% of a write's CPU: bench/records.mjs); a query object is
 * taken as it is. After its first run on a connection it is executed without a Describe: PostgreSQL
 * sent the same row description each time (for a GET, ~7 µs of PostgreSQL's CPU and ~4 µs of Node's
 * to make and read it), so the one it sent first is used again.
 */
export class PreparedQuery extends pg.Query {
  /** Set while the statement is described on this connection: where its description is kept. */
  private describing?: Connection;

  constructor(sql: string, values: unknown[]) {
    super(sql); // a text config: nothing to copy
    const s = statementFor(sql);
    const q = this as unknown as QueryInternals;
    q.name = s.name;
    q.values = values;
  }

  /** pg's prepare() (Parse once per connection, Bind, Describe, Execute, Sync), without the Describe once the statement's rows are known. */
  prepare(connection: Connection): void {
    const q = this as unknown as QueryInternals;
    // known only once this connection has described (so parsed) the statement; a paged query (rows) runs as pg's
    const known = q.rows === undefined ? described.get(connection)?.get(q.name!) : undefined;
    if (!known) {
      this.describing = connection;
      (pg.Query.prototype as unknown as { prepare(c: Connection): void }).prepare.call(this, connection);
      return;
    }
    try {
      connection.bind({ portal: q.portal, statement: q.name, values: q.values, binary: q.binary, valueMapper: prepareValue });
    } catch (err) {
      // a value that cannot be bound (pg throws before writing): nothing of this query went out, and the
      // statement stays prepared for the queries behind it; the Sync ends this one (ReadyForQuery)
      connection.sync();
      q.handleError(err, connection);
      return;
    }
    this.describeRows(known);
    q._getRows(connection, q.rows);
  }

  handleRowDescription(message: RowDescription): void {
    const connection = this.describing;
    const name = (this as unknown as QueryInternals).name;
    if (connection && name) {
      let byName = described.get(connection);
      if (!byName) described.set(connection, byName = new Map());
      if (byName.size >= 1_000) byName.clear();
      byName.set(name, message);
      this.describing = undefined;
    }
    this.describeRows(message);
  }

  /** What the query does with its rows' description: pg's own handling (field parsers). */
  protected describeRows(message: RowDescription): void {
    (pg.Query.prototype as unknown as { handleRowDescription(m: RowDescription): void }).handleRowDescription.call(this, message);
  }
}

/**
 * A query whose rows are the text the driver read off the wire, unparsed: pg would set up field
 * parsers from every execution's row description (Result.addFields) and call one per value.
 */
export class TextRowsQuery extends PreparedQuery {
  protected override describeRows(): void {
    (this as unknown as QueryInternals)._accumulateRows = true;
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    const q = this as unknown as QueryInternals;
    if (q._canceledDueToError) return;
    // a packed copy: the wire's array is holey (new Array(n)), slower for the encoders to read
    const row: (string | null)[] = [];
    for (let i = 0; i < message.fields.length; i++) row.push(message.fields[i]!);
    q._result.rows.push(row);
  }
}

/** A query object sent on one connection, as a promise of its result (the driver returns the object itself). */
export function submit(conn: PoolClient, query: PreparedQuery): Promise<{ rows: any[] }> {
  return new Promise((resolve, reject) => {
    (query as unknown as QueryInternals).callback = (err, result) => (err ? reject(err) : resolve(result));
    conn.query(query as never);
  });
}
