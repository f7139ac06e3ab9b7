// A guest touching one guest-physical page directly, outside any process's mapping: what a
// buggy balloon driver or kernel does when it uses a page it gave to the balloon (reference
// §5.2). The access goes through the MMU as any other: a ballooned page has no EPT entry, so
// the first touch takes one EPT violation, the host backs the page with a fresh zeroed frame
// (KVM faults the discarded HVA in) and the guest reads zeros; later touches hit the new entry
// and exit no more. The guest's own view of the page (still a balloon page) is unchanged.
import { EPT_ACCESSED, EPT_BALLOONED, EPT_READONLY } from '../host/Ept.ts';
import type { GuestMemory } from './GuestMemory.ts';
import type { GuestPlatform } from './GuestPlatform.ts';
import { FLAG_ZERO } from './pageState.ts';

export interface GuestPhysicalTouch {
  /** The access left the guest (EPT violation, copy-on-write, swap-in, ...). */
  exited: boolean;
  /** Stall of the access, µs (Infinity when the host had no frame). */
  stallUs: number;
  /** A read found the page all zeros. */
  readZero: boolean;
}

export function touchGuestPhysical(mem: GuestMemory, platform: GuestPlatform, gpfn: number, write: boolean): GuestPhysicalTouch {
  if (!Number.isInteger(gpfn) || gpfn < 0 || gpfn >= mem.pages)
    throw new RangeError(`guest page ${gpfn} is outside guest memory (0 to ${mem.pages - 1})`);
  const before = platform.eptEntries[gpfn];
  const hit = before >= 0 && (before & EPT_ACCESSED) !== 0 && (!write || (before & EPT_READONLY) === 0);
  const stallUs = hit ? 0 : platform.access(gpfn, write);
  // The host discarded a ballooned page's frame: what comes back is a fresh zeroed frame.
  if (before === EPT_BALLOONED && stallUs !== Infinity) mem.state[gpfn] |= FLAG_ZERO;
  if (write) mem.state[gpfn] &= ~FLAG_ZERO;
  return { exited: !hit, stallUs, readZero: !write && (mem.state[gpfn] & FLAG_ZERO) !== 0 };
}
