// A load the browser has no memory for: the typed-array RangeError becomes a message naming
// host.memoryMiB and a smaller host that fits; any other failure keeps its own message. CoreHost
// throws it as a CommandError rejecting the load, so the current run is kept.
import { describe, expect, it } from 'vitest';
import { outOfMemoryMessage } from '../../src/worker/outOfMemory.ts';
import { presetScenario } from './helpers.ts';

describe('out of memory on load', () => {
  const big = presetScenario('balloon-by-hand');
  big.host.memoryMiB = 1048576;

  it('names host.memoryMiB and a host of at most half the size, and says the current run is kept', () => {
    const m = outOfMemoryMessage(big, new RangeError('Array buffer allocation failed'));
    expect(m).toMatch(/^This browser cannot allocate the memory for host\.memoryMiB = 1048576 /);
    const suggested = Number(/about (\d+) MiB/.exec(m!)![1]);
    expect(suggested).toBeLessThanOrEqual(524288);
    expect(suggested % 64).toBe(0);
    expect(m).toContain('The current run is kept.');
  });

  it('leaves other failures alone', () => {
    expect(outOfMemoryMessage(big, new RangeError('host has no free frame for the EPT'))).toBeNull();
    expect(outOfMemoryMessage(big, new Error('Array buffer allocation failed'))).toBeNull();
  });
});
