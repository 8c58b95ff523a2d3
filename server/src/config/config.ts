import { resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type ProcessRole = 'api' | 'worker' | 'all';

export interface LoomConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  jwtSecret?: string;
  jwtTtlSeconds: number;
  logLevel: LogLevel;
  role: ProcessRole;
  webDist?: string;
  trustProxy: boolean;
  bodyLimit: number;
  importBodyLimit: number;
  demo: boolean;
}

/** One invalid setting: the variable and why. */
export class ConfigError extends Error {}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ROLES: ProcessRole[] = ['api', 'worker', 'all'];

/** An integer setting within [min, max], or the default when unset; throws ConfigError naming the variable. */
export function intIn(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL like ${protocols[0]}//host:port/..., got "${raw}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: T[], def: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return def;
  if (!allowed.includes(raw as T)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function bool(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

/** Reads and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LoomConfig {
  const adminEmail = env.LOOM_ADMIN_EMAIL || undefined;
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError(`LOOM_ADMIN_EMAIL must be an email address, got "${adminEmail}"`);
  }
  const adminPassword = env.LOOM_ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) {
    throw new ConfigError('LOOM_ADMIN_PASSWORD must be at least 8 characters');
  }
  const jwtSecret = env.LOOM_JWT_SECRET || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('LOOM_JWT_SECRET must be at least 32 characters (or unset to generate one)');
  }
  return {
    port: intIn(env, 'PORT', 3000, 0, 65535),
    host: env.HOST || '0.0.0.0',
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    dataDir: resolve(env.LOOM_DATA_DIR || './.loom'),
    adminEmail,
    adminPassword,
    jwtSecret,
    jwtTtlSeconds: intIn(env, 'LOOM_JWT_TTL', 8 * 3600, 60, 30 * 24 * 3600),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    role: oneOf(env, 'LOOM_ROLE', ROLES, 'all'),
    webDist: env.LOOM_WEB_DIST || undefined,
    trustProxy: bool(env, 'LOOM_TRUST_PROXY'),
    bodyLimit: intIn(env, 'LOOM_BODY_LIMIT', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    importBodyLimit: intIn(env, 'LOOM_IMPORT_BODY_LIMIT', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    demo: bool(env, 'LOOM_DEMO'),
  };
}

export const LOOM_CONFIG = Symbol('LOOM_CONFIG');
