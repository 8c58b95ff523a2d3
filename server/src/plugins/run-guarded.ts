/** Why a guarded plugin call did not return: it threw, or it did not settle in time. */
export class PluginCallFailed extends Error {
  constructor(readonly reason: 'threw' | 'timeout', message: string, override readonly cause?: unknown) {
    super(message);
  }
}

/**
 * Runs plugin code with a timeout: resolves with its result, or rejects with PluginCallFailed
 * (`timeout` after `ms`, or `threw` with the error). A PluginProblem passes through untouched —
 * it is the plugin's answer, not its failure. A hung call keeps running; nobody waits for it.
 */
export async function runGuarded<T>(fn: () => Promise<T> | T, ms: number, isAnswer: (e: unknown) => boolean): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PluginCallFailed('timeout', `did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([Promise.resolve().then(fn), timeout]);
  } catch (e) {
    if (e instanceof PluginCallFailed || isAnswer(e)) throw e;
    throw new PluginCallFailed('threw', e instanceof Error ? e.message : String(e), e);
  } finally {
    clearTimeout(timer);
  }
}
