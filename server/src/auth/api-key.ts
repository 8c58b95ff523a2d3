import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'loom_';

/** A new API key: shown once; only its SHA-256 is stored. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = PREFIX + randomBytes(24).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 12) };
}

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const looksLikeApiKey = (token: string): boolean => token.startsWith(PREFIX);
