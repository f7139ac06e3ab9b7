// Page sizes of x86-64 paging, in either dimension of the walk: a 4 KiB page is mapped by a
// level-1 entry (PT), a 2 MiB large page by a level-2 entry (PD, "PS" bit) and a 1 GiB page by
// a level-3 entry (PDPT). A walk that ends at a large-page entry is shorter by the levels below.
import { ENTRIES_PER_TABLE, PAGE_SIZE_BYTES } from '../units.ts';

export type PageSize = '4 KiB' | '2 MiB' | '1 GiB';
/** From the smallest to the largest. */
export const PAGE_SIZES: readonly PageSize[] = ['4 KiB', '2 MiB', '1 GiB'];

/** Level of the entry that maps a page of this size (1 = PT, 2 = PD, 3 = PDPT). */
export const leafLevelOf = (size: PageSize): number => PAGE_SIZES.indexOf(size) + 1;

/** The page size mapped by an entry at `level` (1-3). */
export const pageSizeAtLevel = (level: number): PageSize => PAGE_SIZES[level - 1];

/** 4 KiB pages in one page of this size: 1, 512 or 262144. */
export const basePagesIn = (size: PageSize): number => ENTRIES_PER_TABLE ** (leafLevelOf(size) - 1);

/** Bytes in one page of this size. */
export const pageSizeBytes = (size: PageSize): number => basePagesIn(size) * PAGE_SIZE_BYTES;

/** The sizes to try for a mapping whose largest allowed size is `largest`, largest first (a
 * region that cannot be one 1 GiB page may still be 2 MiB pages). */
export const sizesDownFrom = (largest: PageSize): PageSize[] => PAGE_SIZES.slice(0, leafLevelOf(largest)).reverse();

/** Levels a walk reads with `levels`-level paging when it ends at a page of this size. */
export const levelsRead = (levels: number, size: PageSize): number => levels - leafLevelOf(size) + 1;
