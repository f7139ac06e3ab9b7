// The worked arithmetic of one walk step, in the words the diagram, its list and the CLI show:
// which bits of which address gave the index ("guest-virtual 0x7f0000005123, bits 47-39 = 0xfe
// -> entry 254") and where the entry was read.
import { hex, indexLowBit, INDEX_BITS } from './addressBits.ts';
import type { WalkStep } from './walkTypes.ts';

/** "bits 47-39 of guest-virtual 0x7f0000005123 = 0xfe -> entry 254". */
export function indexArithmetic(step: WalkStep): string {
  const low = indexLowBit(step.level);
  return `bits ${low + INDEX_BITS - 1}-${low} of ${step.indexFrom.space.replace(' ', '-')} ${step.indexFrom.address} = ${hex(step.index)} -> entry ${step.index}`;
}

/** "entry at guest-physical 0x8007f0, read at host-physical 0x8237f0" (EPT entries: host only). */
export function entryLocation(step: WalkStep): string {
  const at = `host-physical ${step.entryHostPhysicalAddress}`;
  return step.entryGuestPhysicalAddress
    ? `entry at guest-physical ${step.entryGuestPhysicalAddress}, read at ${at}`
    : `entry read at ${at}`;
}
