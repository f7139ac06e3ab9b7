// Host frames: the free pool, ownership encoding, and shared-frame reference counts (including
// past the 8-bit counter, as ESX's overflow table does).
import { describe, expect, it } from 'vitest';
import { HostFrames, OWNER_HYPERVISOR } from '../../src/sim/host/HostFrames.ts';

describe('HostFrames', () => {
  it('hands out every frame once, lowest first, and takes them back', () => {
    const h = new HostFrames(8);
    const got = Array.from({ length: 8 }, (_, i) => h.allocate(HostFrames.guestOwner(0, i)));
    expect(got).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(h.allocate(HostFrames.guestOwner(0, 9))).toBe(-1);
    expect(h.freeFrames).toBe(0);
    h.release(5);
    expect(h.isFree(5)).toBe(true);
    expect(h.countFreeList()).toBe(1);
    expect(h.allocate(OWNER_HYPERVISOR)).toBe(5);
    expect(h.hypervisorFrames).toBe(1);
  });

  it('encodes owner VM and guest-physical page', () => {
    const owner = HostFrames.guestOwner(13, 0xabcdef);
    expect(HostFrames.ownerVm(owner)).toBe(13);
    expect(HostFrames.ownerGpfn(owner)).toBe(0xabcdef);
    expect(HostFrames.isGuestOwner(owner)).toBe(true);
    expect(HostFrames.isCompressionOwner(HostFrames.compressionOwner(2, 7))).toBe(true);
  });

  it('counts mappings of a shared frame beyond 255 and frees it at zero', () => {
    const h = new HostFrames(4);
    const f = h.allocate(HostFrames.guestOwner(0, 0));
    h.makeShared(f);
    for (let i = 0; i < 299; i++) h.addRef(f);
    expect(h.refCount(f)).toBe(300);
    expect(h.sharingSavedFrames).toBe(299);
    expect(h.sharedFrames).toBe(1);
    for (let i = 0; i < 299; i++) h.dropRef(f);
    expect(h.refCount(f)).toBe(1);
    expect(h.sharingSavedFrames).toBe(0);
    expect(h.dropRef(f)).toBe(0);
    expect(h.isFree(f)).toBe(true);
    expect(h.sharedFrames).toBe(0);
  });
});
