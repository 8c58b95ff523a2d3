import type { Tx } from '../../database/db.js';

/** Runs `fn` under a savepoint: on a throw only its statements roll back and the transaction stays usable. */
export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.query('SAVEPOINT loom_row');
  try {
    const result = await fn();
    await tx.query('RELEASE SAVEPOINT loom_row');
    return result;
  } catch (e) {
    await tx.query('ROLLBACK TO SAVEPOINT loom_row');
    throw e;
  }
}
