// What a guest page holds, as the model keeps it: an exact identity standing for the page's
// 4096 bytes, not a hash of them. 0 is a page of zeros; -1 is content no other page has
// (written data, page tables, free garbage); otherwise CONTENT_INDEX_RANGE * class + index,
// where the class says what the bytes are (kernel text, a program's code and read-only data,
// the clean cache of a program's files) and the index which page of it. Two pages hold the same
// bytes exactly when their identities are equal, so a scanner that compares identities after a
// hash match compares full contents, as ESX and KSM do (W02 §4; reference §1.4, §2.6).
import { FLAG_DIRTY, FLAG_ZERO, PageKind } from './pageState.ts';
import { anonRmapVpage } from './Process.ts';

const ZERO_CONTENT = 0;
const UNIQUE_CONTENT = -1;
/** Pages a content class can hold (file indices reach 2^25 at 128 GiB of file data). */
const CONTENT_INDEX_RANGE = 2 ** 26;
/** Content classes: kernel text; a program (100 + workload kind); its files (FILE_CLASS_BASE + program class). */
const KERNEL_TEXT_CLASS = 1;
const FILE_CLASS_BASE = 0x1000;

export const contentIdentity = (contentClass: number, index: number): number => contentClass * CONTENT_INDEX_RANGE + index;

/** The content of a page with this state byte and reverse map, in a guest whose kernel text is
 * its first kernelTextPages pages and whose program (class programClass) has identicalPages
 * leading pages of code and read-only data. */
export function pageContent(state: number, rmap: number, kernelTextPages: number, programClass: number, identicalPages: number): number {
  if (state & FLAG_ZERO) return ZERO_CONTENT;
  switch ((state & 7) as PageKind) {
    case PageKind.Kernel:
      return rmap < kernelTextPages ? contentIdentity(KERNEL_TEXT_CLASS, rmap) : UNIQUE_CONTENT;
    case PageKind.Anon: {
      const v = anonRmapVpage(rmap);
      return v < identicalPages ? contentIdentity(programClass, v) : UNIQUE_CONTENT;
    }
    case PageKind.Cache:
      return state & FLAG_DIRTY ? UNIQUE_CONTENT : contentIdentity(FILE_CLASS_BASE + programClass, rmap);
    default:
      return UNIQUE_CONTENT;
  }
}
