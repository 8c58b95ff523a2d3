import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The HS256 key: LOOM_JWT_SECRET, else one generated once into the data dir (mode 600).
 * Several API nodes must share LOOM_JWT_SECRET.
 */
export function loadJwtSecret(envSecret: string | undefined, dataDir: string): Uint8Array {
  if (envSecret) return new TextEncoder().encode(envSecret);
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
