// Property-based tests of the walk on overcommitted simulations (so walks end every way): for
// random guest-virtual addresses in the process's mapping, a walk that completes makes exactly
// (n+1)(m+1)-1 references and one that faults before the data's nested walk fewer; every table it reads is a hypervisor-owned
// EPT table frame or a guest page of kind PageTable; every index comes from its address bits.
import fc from 'fast-check';
import { properties } from '../../helpers/properties.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { PageKind } from '../../../src/sim/guest/pageState.ts';
import { eptFrame, eptKind, EptKind } from '../../../src/sim/host/Ept.ts';
import { OWNER_HYPERVISOR } from '../../../src/sim/host/HostFrames.ts';
import type { Simulation } from '../../../src/sim/Simulation.ts';
import { physicalIndex, twoDimensionalReferenceCount, virtualIndex } from '../../../src/sim/walk/addressBits.ts';
import { translate, translateGuestPhysical } from '../../../src/sim/walk/translate.ts';
import type { Walk } from '../../../src/sim/walk/walkTypes.ts';
import { addressOf, APP_PID, overcommitted, PAGE_BYTES } from './walkFixtures.ts';

const LEVELS: [number, number][] = [
  [4, 4],
  [5, 5],
  [4, 5],
  [5, 4],
];
const sims: Simulation[] = [];

beforeAll(() => {
  for (const [n, m] of LEVELS) sims.push(overcommitted(true, 208, n, m));
});

/** Every table the walk read is a real table page of the right dimension, at the right index. */
function checkTables(s: Simulation, vmIndex: number, w: Walk, address: number): void {
  const vm = s.vms[vmIndex];
  for (const step of w.steps) {
    if (step.dimension === 'ept') {
      const gpfn = Math.floor(Number(step.indexFrom.address) / PAGE_BYTES);
      expect(s.hv.frames.owner[step.tableHostFrame]).toBe(OWNER_HYPERVISOR);
      expect(step.tableHostFrame).toBe(vm.ept.tableFrameFor(step.level, gpfn));
      expect(step.index).toBe(physicalIndex(gpfn, step.level));
    } else {
      expect(vm.os.mem.kind(step.tableGuestPage!)).toBe(PageKind.PageTable);
      expect(step.tableHostFrame).toBe(eptFrame(vm.ept.entries[step.tableGuestPage!]));
      expect(step.index).toBe(virtualIndex(BigInt(address), step.level));
    }
  }
}

describe('walk properties', () => {
  it('a completed cold walk makes (n+1)(m+1)-1 references, one stopped early fewer; all tables are real', () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: LEVELS.length - 1 }),
        fc.integer({ min: 0, max: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.integer({ min: 0, max: PAGE_BYTES - 1 }),
        fc.boolean(),
        (combo, vmIndex, where, offset, write) => {
          const s = sims[combo];
          const [n, m] = LEVELS[combo];
          const pages = s.vms[vmIndex].os.processes[APP_PID]!.virtualPages;
          const address = addressOf(Math.floor(where * pages), offset);
          const w = translate(s, vmIndex, APP_PID, address, { write });
          outcomes.add(w.outcome.kind);
          expect(w.memoryReferences).toBe(w.steps.length);
          // The walk completes unless a guest entry or a guest table page's EPT entry is not present
          // (an EPT violation on the data page comes after the last reference).
          const completed = w.outcome.kind === 'translated' || (w.outcome.kind === 'ept-violation' && w.outcome.accessTo === 'data');
          if (completed) expect(w.memoryReferences).toBe(twoDimensionalReferenceCount(n, m));
          else expect(w.memoryReferences).toBeLessThan(twoDimensionalReferenceCount(n, m));
          checkTables(s, vmIndex, w, address);
        },
      ),
      properties(400, 2008),
    );
    expect([...outcomes].sort()).toEqual(['ept-violation', 'guest-page-fault', 'translated']);
  });

  it('an EPT-only walk makes m references and ends as the EPT entry says', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: LEVELS.length - 1 }),
        fc.integer({ min: 0, max: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (combo, vmIndex, where) => {
          const s = sims[combo];
          const ept = s.vms[vmIndex].ept;
          const gpfn = Math.floor(where * ept.pages);
          const w = translateGuestPhysical(s, vmIndex, gpfn * PAGE_BYTES);
          expect(w.steps).toHaveLength(LEVELS[combo][1]);
          expect(w.outcome.kind).toBe(eptKind(ept.entries[gpfn]) === EptKind.Present ? 'translated' : 'ept-violation');
        },
      ),
      properties(300, 2008),
    );
  });
});
