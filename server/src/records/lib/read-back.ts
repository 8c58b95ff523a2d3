/**
 * The API record of a row a write statement just wrote: SQL reading the statement's CTE `cte`
 * (its `RETURNING *`), with placeholders numbered after the write's `paramOffset` parameters.
 * RecordReader.readBack makes one for a caller; RecordWriter appends it to the write.
 */
export type ReadBack = (cte: string, paramOffset: number) => { sql: string; params: unknown[] };
