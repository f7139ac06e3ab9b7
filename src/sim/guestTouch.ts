// A guest touching one guest-physical page directly, as a buggy guest touching its own balloon
// does (the schedule's `touch` entry). The access goes through the VM's EPT like any other: a
// page the hypervisor took back (ballooned, or never touched) has no frame, so the access exits
// with exactly one EPT violation and the hypervisor backs it with a fresh frame, which it
// zero-fills: the guest reads a zero page (reference §5.2). The balloon has then lost that page.
import { EPT_BALLOONED, EPT_UNTOUCHED } from './host/Ept.ts';
import type { Simulation } from './Simulation.ts';

export interface TouchResult {
  /** The entry was not present: the access took an EPT violation. */
  eptViolation: boolean;
  /** The page was ballooned when touched. */
  ballooned: boolean;
  /** The guest read a page of zeros (a frame the hypervisor filled fresh). */
  readZeroPage: boolean;
  stallUs: number;
}

export function touchGuestPhysical(sim: Simulation, vm: number, page: number): TouchResult {
  const before = sim.vms[vm].ept.entries[page];
  const violations = sim.hv.stats.eptViolations;
  const stallUs = sim.hv.access(vm, page, false);
  const eptViolation = sim.hv.stats.eptViolations > violations;
  return { eptViolation, ballooned: before === EPT_BALLOONED, readZeroPage: before === EPT_BALLOONED || before === EPT_UNTOUCHED, stallUs };
}
