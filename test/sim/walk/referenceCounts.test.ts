// Golden reference counts of cold two-dimensional walks on real simulation states: 24 for a
// 4-level guest on a 4-level EPT, 35 for 5 x 5, 29 for the mixed cases, and 19 when host large
// pages cut the nested walks to 3 levels; and the order and contents of the references.
import { describe, expect, it } from 'vitest';
import { PageKind } from '../../../src/sim/guest/pageState.ts';
import { eptFrame } from '../../../src/sim/host/Ept.ts';
import { physicalIndex, twoDimensionalReferenceCount, virtualIndex } from '../../../src/sim/walk/addressBits.ts';
import { translate, translateGuestPhysical } from '../../../src/sim/walk/translate.ts';
import type { Walk } from '../../../src/sim/walk/walkTypes.ts';
import { addressOf, APP_PID, PAGE_BYTES, quietVm } from './walkFixtures.ts';

const ADDRESS = addressOf(5, 0x123);

/** The dimension and level of each step a complete cold walk makes, in hardware order. */
function expectedShape(n: number, m: number): string[] {
  const ept = Array.from({ length: m }, (_, i) => `ept ${m - i}`);
  const shape: string[] = [];
  for (let level = n; level >= 1; level--) shape.push(...ept, `guest ${level}`);
  return [...shape, ...ept];
}

const shapeOf = (w: Walk): string[] => w.steps.map((s) => `${s.dimension} ${s.level}`);

describe('cold two-dimensional walk', () => {
  for (const [n, m, refs] of [
    [4, 4, 24],
    [5, 5, 35],
    [4, 5, 29],
    [5, 4, 29],
  ]) {
    it(`makes ${refs} references with a ${n}-level guest table and a ${m}-level EPT`, () => {
      const s = quietVm({ eptLevels: m }, { pageTableLevels: n });
      const w = translate(s, 0, APP_PID, ADDRESS);
      expect(w.outcome.kind).toBe('translated');
      expect(w.steps).toHaveLength(refs);
      expect(w.memoryReferences).toBe(twoDimensionalReferenceCount(n, m));
      expect(shapeOf(w)).toEqual(expectedShape(n, m));
      expect(w.steps.map((st) => st.step)).toEqual(Array.from({ length: refs }, (_, i) => i + 1));
    });
  }

  it('takes each index from the right bits and reads each guest entry where the nested walk said', () => {
    const s = quietVm();
    const vm = s.vms[0];
    const w = translate(s, 0, APP_PID, ADDRESS);
    w.steps.forEach((step, i) => {
      if (step.dimension === 'guest') {
        expect(step.index).toBe(virtualIndex(BigInt(ADDRESS), step.level));
        const previous = w.steps[i - 1].found;
        expect(previous.kind === 'host-frame' && previous.hostFrame).toBe(step.tableHostFrame);
        expect(step.tableHostFrame).toBe(eptFrame(vm.ept.entries[step.tableGuestPage!]));
        expect(Number(step.entryGuestPhysicalAddress)).toBe(step.tableGuestPage! * PAGE_BYTES + step.index * 8);
        expect(Number(step.entryHostPhysicalAddress)).toBe(step.tableHostFrame * PAGE_BYTES + step.index * 8);
        expect(vm.os.mem.kind(step.tableGuestPage!)).toBe(PageKind.PageTable);
      } else {
        const gpfn = Math.floor(Number(step.indexFrom.address) / PAGE_BYTES);
        expect(step.index).toBe(physicalIndex(gpfn, step.level));
        expect(step.tableHostFrame).toBe(vm.ept.tableFrameFor(step.level, gpfn));
      }
    });
    expect(w.steps[0].nestedWalkFor).toBe('guest PML4');
    expect(w.steps[4]).toMatchObject({ table: 'guest PML4', index: 254, indexBits: 'guest-virtual bits 47-39' });
    expect(w.steps[23].nestedWalkFor).toBe('data');
  });

  it('ends at the host-physical address of the data: frame * 4096 + the same page offset', () => {
    const s = quietVm();
    const process = s.vms[0].os.processes[APP_PID]!;
    const w = translate(s, 0, APP_PID, ADDRESS);
    const frame = eptFrame(s.vms[0].ept.entries[process.pte[5]]);
    expect(w.outcome).toMatchObject({
      kind: 'translated',
      hostFrame: frame,
      guestPhysicalAddress: `0x${(process.pte[5] * PAGE_BYTES + 0x123).toString(16)}`,
      hostPhysicalAddress: `0x${(frame * PAGE_BYTES + 0x123).toString(16)}`,
    });
  });
});

describe('host large pages', () => {
  it('shorten every nested walk to 3 levels when the 2 MiB regions are fully backed: 19 references', () => {
    const s = quietVm({ largePages: true });
    const w = translate(s, 0, APP_PID, ADDRESS);
    expect(w.outcome.kind).toBe('translated');
    expect(w.memoryReferences).toBe(twoDimensionalReferenceCount(4, 3));
    const leaves = w.steps.filter((st) => st.found.kind === 'host-frame');
    expect(leaves).toHaveLength(5);
    for (const leaf of leaves) expect(leaf).toMatchObject({ table: 'EPT PD', found: { largePage: true } });
    expect(w.outcome.kind === 'translated' && w.outcome.explanation).toContain('2 MiB host large page');
  });

  it('are not used for a region with a page that has no host frame', () => {
    const s = quietVm({ largePages: true });
    const lastPage = s.vms[0].ept.pages - 1; // never touched: its region cannot be one large page
    expect(translateGuestPhysical(s, 0, lastPage * PAGE_BYTES).steps).toHaveLength(4);
    expect(translateGuestPhysical(s, 0, 0).steps).toHaveLength(3); // the kernel's region is fully backed
  });

  it('are off unless the host enables them', () => {
    expect(translateGuestPhysical(quietVm(), 0, 0).steps).toHaveLength(4);
  });
});
