// Address arithmetic of the walk: the reference-count formula and the 9-bit slices of 48- and
// 57-bit addresses, checked against values worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  addressWidthBits,
  entryAddress,
  eptTableName,
  guestTableName,
  hex,
  indexBitsText,
  pageOffset,
  physicalIndex,
  twoDimensionalReferenceCount,
  virtualIndex,
} from '../../../src/sim/walk/addressBits.ts';

describe('two-dimensional reference count (n+1)(m+1)-1', () => {
  it('gives the reference section 5.1 figures', () => {
    expect(twoDimensionalReferenceCount(4, 4)).toBe(24);
    expect(twoDimensionalReferenceCount(5, 5)).toBe(35);
    expect(twoDimensionalReferenceCount(4, 5)).toBe(29);
    expect(twoDimensionalReferenceCount(4, 3)).toBe(19); // host 2 MiB pages: a 3-level nested walk
    expect(twoDimensionalReferenceCount(3, 3)).toBe(15); // both 2 MiB
  });
});

describe('index bits', () => {
  it('slices 0x7f0012345678 into PML4 254, PDPT 0, PD 145, PT 325, offset 0x678', () => {
    const a = 0x7f0012345678n;
    expect([4, 3, 2, 1].map((level) => virtualIndex(a, level))).toEqual([254, 0, 145, 325]);
    expect(pageOffset(a)).toBe(0x678);
  });

  it('slices a 57-bit address, PML5 index from bits 56-48', () => {
    const a = 0xabcdef01234567n;
    expect([5, 4, 3, 2, 1].map((level) => virtualIndex(a, level))).toEqual([171, 411, 444, 9, 52]);
    expect(hex(a)).toBe('0xabcdef01234567');
  });

  it('names the bits of each level as Intel does', () => {
    expect([5, 4, 3, 2, 1].map(indexBitsText)).toEqual(['56-48', '47-39', '38-30', '29-21', '20-12']);
    expect(addressWidthBits(4)).toBe(48);
    expect(addressWidthBits(5)).toBe(57);
  });

  it('slices guest-physical page numbers the same way as addresses', () => {
    const gpfn = 0x12345; // guest-physical address 0x12345000
    for (const level of [1, 2, 3, 4]) expect(physicalIndex(gpfn, level)).toBe(virtualIndex(BigInt(gpfn) << 12n, level));
  });

  it('locates entry i of a table page at page * 4096 + 8i', () => {
    expect(entryAddress(0x18, 9)).toBe(0x18048);
  });

  it('names tables of both dimensions', () => {
    expect(guestTableName(4)).toBe('guest PML4');
    expect(eptTableName(3)).toBe('EPT PDPT');
    expect(guestTableName(5)).toBe('guest PML5');
    expect(eptTableName(1)).toBe('EPT PT');
  });
});
