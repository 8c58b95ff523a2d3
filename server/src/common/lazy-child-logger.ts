import type { FastifyBaseLogger } from 'fastify';

/** Fastify's logger is pino's: these it has besides FastifyBaseLogger. */
type Pino = FastifyBaseLogger & { isLevelEnabled(level: string): boolean; bindings(): Record<string, unknown> };
type Args = [unknown, ...unknown[]];

/** A request's logger whose pino child is made on the first line its level lets through. */
class LazyChildLogger {
  private made: Pino | undefined;

  constructor(private readonly parent: Pino, private readonly requestBindings: Record<string, unknown>) {}

  private real(): Pino {
    return (this.made ??= this.parent.child(this.requestBindings) as Pino);
  }

  private enabled(level: string): boolean {
    return (this.made ?? this.parent).isLevelEnabled(level);
  }

  get level(): string { return (this.made ?? this.parent).level; }
  set level(level: string) { this.real().level = level; }
  isLevelEnabled(level: string): boolean { return this.enabled(level); }
  bindings(): Record<string, unknown> { return this.real().bindings(); }
  child(bindings: Record<string, unknown>, options?: object): FastifyBaseLogger { return this.real().child(bindings, options as never); }
  fatal(...a: Args): void { if (this.enabled('fatal')) this.real().fatal(...(a as [string])); }
  error(...a: Args): void { if (this.enabled('error')) this.real().error(...(a as [string])); }
  warn(...a: Args): void { if (this.enabled('warn')) this.real().warn(...(a as [string])); }
  info(...a: Args): void { if (this.enabled('info')) this.real().info(...(a as [string])); }
  debug(...a: Args): void { if (this.enabled('debug')) this.real().debug(...(a as [string])); }
  trace(...a: Args): void { if (this.enabled('trace')) this.real().trace(...(a as [string])); }
}

/**
 * Fastify's per-request logger (its `childLoggerFactory`), made only when the request logs something
 * its level lets through: a pino child costs every request ~6 µs of CPU (bench/records.mjs profile),
 * and most requests log nothing (request logging is off; errors and warnings are rare). A route with
 * its own log level or serializers, or a logger that is not pino, gets its child at once, as before.
 */
export function lazyChildLogger(this: unknown, parent: FastifyBaseLogger, bindings: Record<string, unknown>, opts: { level?: string; serializers?: unknown }): FastifyBaseLogger {
  const logger = parent as Pino;
  if (opts.level !== undefined || opts.serializers !== undefined || typeof logger.isLevelEnabled !== 'function') return logger.child(bindings, opts as never);
  return new LazyChildLogger(logger, bindings) as unknown as FastifyBaseLogger;
}
