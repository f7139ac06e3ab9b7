// Address arithmetic of x86-64 paging, shared by both dimensions of the walk: which 9 address
// bits index the table at each level, the tables' names, hex formatting, and the reference count
// of a cold two-dimensional walk. Level 1 is the leaf table (PT); level 4 is the PML4 and
// level 5 the PML5 (LA57). Guest-virtual addresses may have 57 bits, so they are BigInts;
// physical addresses in this model stay far below 2^53 and are plain numbers.
import { ENTRIES_PER_TABLE, PAGE_SIZE_BYTES } from '../units.ts';

/** Bits of the byte offset within a 4 KiB page (bits 11-0). */
export const PAGE_OFFSET_BITS = 12;
/** Bits of one table index (512 entries). */
export const INDEX_BITS = 9;
/** Bytes of one page-table or EPT entry. */
export const ENTRY_SIZE_BYTES = 8;

const TABLE_NAMES = ['PT', 'PD', 'PDPT', 'PML4', 'PML5'] as const;

/** Intel's name of the table at `level` (1 = PT ... 5 = PML5). */
export const tableName = (level: number): string => TABLE_NAMES[level - 1];
export const guestTableName = (level: number): string => `guest ${tableName(level)}`;
export const eptTableName = (level: number): string => `EPT ${tableName(level)}`;

/** Lowest address bit of the index at `level` (12 for the PT, 39 for the PML4). */
export const indexLowBit = (level: number): number => PAGE_OFFSET_BITS + INDEX_BITS * (level - 1);

/** The address bits that index the table at `level`, as Intel writes them ("47-39"). */
export const indexBitsText = (level: number): string => `${indexLowBit(level) + INDEX_BITS - 1}-${indexLowBit(level)}`;

/** Highest address width that `levels` levels of paging translate: 48 bits for 4, 57 for 5. */
export const addressWidthBits = (levels: number): number => PAGE_OFFSET_BITS + INDEX_BITS * levels;

/** The 9-bit table index at `level` of a guest-virtual address. */
export function virtualIndex(guestVirtualAddress: bigint, level: number): number {
  return Number((guestVirtualAddress >> BigInt(indexLowBit(level))) & BigInt(ENTRIES_PER_TABLE - 1));
}

/** The 9-bit table index at `level` of a guest-physical page number (exact below 2^53). */
export function physicalIndex(guestPhysicalPage: number, level: number): number {
  return Math.floor(guestPhysicalPage / ENTRIES_PER_TABLE ** (level - 1)) % ENTRIES_PER_TABLE;
}

/** Byte offset within the page (bits 11-0). */
export const pageOffset = (address: bigint | number): number =>
  typeof address === 'bigint' ? Number(address & BigInt(PAGE_SIZE_BYTES - 1)) : address % PAGE_SIZE_BYTES;

/** Physical address of entry `index` in the table page `page`. */
export const entryAddress = (page: number, index: number): number => page * PAGE_SIZE_BYTES + index * ENTRY_SIZE_BYTES;

/** An address as lower-case hex with a 0x prefix, exact for any width. */
export const hex = (address: bigint | number): string => `0x${address.toString(16)}`;

/** Memory references of a cold walk with n guest levels and m nested levels: each of the n guest
 * table pointers needs an m-step nested walk plus the guest entry read, and the data's
 * guest-physical address one more nested walk: n(m+1) + m = (n+1)(m+1) - 1 (reference §5.1). */
export const twoDimensionalReferenceCount = (guestLevels: number, eptLevels: number): number => (guestLevels + 1) * (eptLevels + 1) - 1;
