import pg from 'pg';

/** JSON clients get numbers for bigint/numeric and plain `YYYY-MM-DD` strings for dates (API.md "Records"). */
export function installPgTypeParsers(): void {
  pg.types.setTypeParser(20, (v) => Number(v)); // int8
  pg.types.setTypeParser(1700, (v) => Number(v)); // numeric
  pg.types.setTypeParser(1082, (v) => v); // date stays a string
}
