import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/config.js';

const QUIET = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);
const ORDER: Record<LogLevel, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: 100 };

/** Nest's logger as one JSON object per line (same shape as Fastify's request logs). */
export class JsonLogger implements LoggerService {
  constructor(private readonly level: LogLevel) {}

  // Nest's start-up chatter (module and route lists) is debug detail, not info
  log(message: unknown, context?: string) { this.write(QUIET.has(context ?? '') ? 'debug' : 'info', message, context); }
  error(message: unknown, _trace?: string, context?: string) { this.write('error', message, context); }
  warn(message: unknown, context?: string) { this.write('warn', message, context); }
  debug(message: unknown, context?: string) { this.write('debug', message, context); }
  verbose(message: unknown, context?: string) { this.write('trace', message, context); }
  fatal(message: unknown, context?: string) { this.write('fatal', message, context); }

  private write(level: LogLevel, message: unknown, context?: string) {
    if (ORDER[level] < ORDER[this.level]) return;
    const body = typeof message === 'object' && message !== null ? message : { msg: String(message) };
    process.stdout.write(JSON.stringify({ level, time: new Date().toISOString(), context, ...body }) + '\n');
  }
}
