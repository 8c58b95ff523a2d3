import pg from 'pg';

/** Direct SQL against a test server's database, for arranging data and checking what the API did. */
export async function sql<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Ends pools and waits until every connection has closed (pool.end() resolves before they have):
 * a database dropped right after would terminate them mid-close.
 */
export async function endPools(pools: pg.Pool[]): Promise<void> {
  await Promise.all(pools.map((pool) => new Promise<void>((resolve) => {
    let open = pool.totalCount;
    if (open === 0) return void pool.end().then(() => resolve());
    pool.on('remove', () => { if (--open === 0) resolve(); });
    void pool.end();
  })));
}
