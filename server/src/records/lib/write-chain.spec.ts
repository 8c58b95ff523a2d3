import { describe, expect, it } from 'vitest';
import { inWriteChain, writeChainDepth } from './write-chain.js';

describe('write chain depth', () => {
  it('is 0 outside a chain', () => {
    expect(writeChainDepth()).toBe(0);
  });

  it('is the chain depth inside, also after an await and in work started there', async () => {
    const seen = await inWriteChain(3, async () => {
      await new Promise((r) => setTimeout(r, 1));
      const later = new Promise<number>((r) => setTimeout(() => r(writeChainDepth()), 1));
      return [writeChainDepth(), await later];
    });
    expect(seen).toEqual([3, 3]);
    expect(writeChainDepth()).toBe(0);
  });

  it('nests: the inner depth wins and the outer one comes back', () => {
    expect(inWriteChain(2, () => [inWriteChain(4, writeChainDepth), writeChainDepth()])).toEqual([4, 2]);
  });
});
