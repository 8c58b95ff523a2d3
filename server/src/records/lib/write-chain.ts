import { AsyncLocalStorage } from 'node:async_hooks';

const chain = new AsyncLocalStorage<number>();

/**
 * The automation chain depth of writes made while `fn` runs (and in what it starts): plugin hooks
 * fired by an automation's write run under that write's depth, so the records they write carry it to
 * the outbox and the automation loop guard still counts them (DESIGN.md §2). Writes outside any
 * chain are depth 0; an explicit depth (an automation's own write) wins.
 */
export function inWriteChain<T>(depth: number, fn: () => T): T {
  return depth > 0 ? chain.run(depth, fn) : fn();
}

/** The depth a write made now carries when its caller gives none. */
export function writeChainDepth(): number {
  return chain.getStore() ?? 0;
}
