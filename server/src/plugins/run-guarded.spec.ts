import { describe, expect, it } from 'vitest';
import { PluginCallFailed, runGuarded } from './run-guarded.js';

const never = () => new Promise<never>(() => undefined);

describe('runGuarded', () => {
  it('returns what the call returns', async () => {
    expect(await runGuarded(async () => 42, 100, () => false)).toBe(42);
  });

  it('turns a throw into a failure with its message, but lets an answer through', async () => {
    await expect(runGuarded(() => { throw new Error('boom'); }, 100, () => false)).rejects.toMatchObject({ reason: 'threw', message: 'boom' });
    const answer = { problem: true };
    await expect(runGuarded(() => Promise.reject(answer), 100, (e) => e === answer)).rejects.toBe(answer);
  });

  it('gives up on a call that hangs', async () => {
    const e = await runGuarded(never, 30, () => false).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PluginCallFailed);
    expect((e as PluginCallFailed).reason).toBe('timeout');
  });
});
