import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite with its data in `<dataDir>/data`, served on a loopback port so the pg driver
 * and TypeORM can talk to it. PGlite is one session: callers must keep their pool at max 1.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = join(dataDir, 'data');
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dataDir);
  const db = await PGlite.create(dir).catch((e) => { lock.release(); throw e; });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:<port>"
  return {
    url: `postgres://postgres@${conn}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      lock.release();
    },
  };
}

/** PGlite files must have one owner: a second Loom on the same data dir is refused, a stale lock is taken over. */
function lockDataDir(dataDir: string): { release(): void } {
  const file = join(dataDir, 'loom.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch {
    const other = Number(readFileSync(file, 'utf8'));
    if (other && other !== process.pid && isAlive(other)) {
      throw new Error(`another Loom process (pid ${other}) is using ${dataDir}; stop it or set LOOM_DATA_DIR`);
    }
    writeFileSync(file, String(process.pid));
  }
  return { release: () => rmSync(file, { force: true }) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
