// Host frames: the free pool, ownership encoding, and shared-frame reference counts (including
// past the 8-bit counter, as ESX's overflow table does).
import { describe, expect, it } from 'vitest';
import { guestPageRef, MAX_REF_GUEST_PAGES, MAX_REF_VMS, refGpfn, refVm } from '../../src/sim/host/guestPageRef.ts';
import { HostFrames, MAX_HOST_FRAMES, OWNER_HYPERVISOR } from '../../src/sim/host/HostFrames.ts';
import { EPT_ACCESSED, EPT_READONLY, EPT_YOUNG, eptFrame } from '../../src/sim/host/Ept.ts';

describe('HostFrames', () => {
  it('hands out every frame once, lowest first, and takes them back', () => {
    const h = new HostFrames(8);
    const got = Array.from({ length: 8 }, (_, i) => h.allocate(guestPageRef(0, i)));
    expect(got).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(h.allocate(guestPageRef(0, 9))).toBe(-1);
    expect(h.freeFrames).toBe(0);
    h.release(5);
    expect(h.isFree(5)).toBe(true);
    expect(h.countFreeList()).toBe(1);
    expect(h.allocate(OWNER_HYPERVISOR)).toBe(5);
    expect(h.hypervisorFrames).toBe(1);
  });

  it('names the last VM and the last page of a 256 GiB guest in one non-negative Int32', () => {
    const ref = guestPageRef(MAX_REF_VMS - 1, MAX_REF_GUEST_PAGES - 1);
    expect(ref).toBeGreaterThan(0);
    expect(new Int32Array([ref])[0]).toBe(ref);
    expect(refVm(ref)).toBe(31);
    expect(refGpfn(ref)).toBe(MAX_REF_GUEST_PAGES - 1);
    expect(MAX_REF_GUEST_PAGES * 4096).toBe(256 * 2 ** 30);
  });

  it('keeps the owner and the kind of a frame apart: guest, compression, shared', () => {
    const h = new HostFrames(4);
    const g = h.allocate(guestPageRef(13, 0xabcdef));
    expect([h.vmOf(g), h.gpfnOf(g), h.isGuestPrivate(g), h.isShared(g), h.isCompression(g)]).toEqual([13, 0xabcdef, true, false, false]);
    const c = h.allocateCompression(2, 7);
    expect([h.vmOf(c), h.gpfnOf(c), h.isGuestPrivate(c), h.isCompression(c)]).toEqual([2, 7, false, true]);
    h.makeShared(g);
    expect([h.isGuestPrivate(g), h.isShared(g), h.vmOf(g)]).toEqual([false, true, 13]);
    h.dropRef(g);
    expect(h.allocate(guestPageRef(1, 1))).toBe(g);
    expect(h.isGuestPrivate(g)).toBe(true); // a released frame forgets its kind
  });

  it('EPT entries carry the last frame of a 1 TiB host beside their flag bits', () => {
    expect(MAX_HOST_FRAMES * 4096).toBe(2 ** 40);
    const last = MAX_HOST_FRAMES - 1;
    const e = last | EPT_ACCESSED | EPT_READONLY | EPT_YOUNG;
    expect(e).toBeGreaterThan(0);
    expect(eptFrame(e)).toBe(last);
  });

  it('counts mappings of a shared frame beyond 255 and frees it at zero', () => {
    const h = new HostFrames(4);
    const f = h.allocate(guestPageRef(0, 0));
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
