// A guest page named by one non-negative 31-bit integer: (vm << 26) | gpfn. The one owner of
// this packing: host frame owners (HostFrames), the page-sharing scanner's hints and the host
// swap's victims all build and read it here, so widening VM or page numbers happens only here.

/** Bits of the guest-physical page number: 2^26 pages = 256 GiB guests. */
const GPFN_BITS = 26;
const GPFN_MASK = (1 << GPFN_BITS) - 1;
/** Largest number of VMs a reference can name (5 bits above the page number). */
export const MAX_REF_VMS = 32;
/** Largest guest, in 4 KiB pages, a reference can name. */
export const MAX_REF_GUEST_PAGES = 1 << GPFN_BITS;

export const guestPageRef = (vm: number, gpfn: number): number => (vm << GPFN_BITS) | gpfn;
export const refVm = (ref: number): number => ref >>> GPFN_BITS;
export const refGpfn = (ref: number): number => ref & GPFN_MASK;
