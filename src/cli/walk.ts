// `sim --walk VM[:ADDRESS]`: after the run, the two-dimensional walk of ADDRESS (a guest-virtual
// address of the VM's workload process, hex) in VM (a name or an index), reference by reference;
// `gpa:ADDRESS` walks a guest-physical address through the EPT alone. ADDRESS defaults to the
// process's first mapped page. Text, or JSON { vm, address, references, outcome: { kind, reason } }.
import { VA_BASE } from '../sim/guest/Process.ts';
import { APP_PID } from '../sim/guest/Workload.ts';
import type { Simulation } from '../sim/Simulation.ts';
import { PAGE_SIZE_BYTES } from '../sim/units.ts';
import { translate, translateGuestPhysical, type Walk, type WalkOutcome } from '../sim/walk/index.ts';
import { entryLocation, indexArithmetic } from '../sim/walk/stepArithmetic.ts';

export type WalkCommandResult = { ok: true; text: string } | { ok: false; error: string };

const hex = (n: number): string => `0x${n.toString(16)}`;

function findVm(sim: Simulation, name: string): number | string {
  const byName = sim.vms.findIndex((vm) => vm.name === name);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(name) && Number(name) < sim.vms.length) return Number(name);
  const names = sim.vms.map((vm) => vm.name).join(', ');
  return `--walk: there is no VM "${name}" (allowed: a name, ${names}, or an index, 0 to ${sim.vms.length - 1})`;
}

function parseHex(text: string): number | null {
  return /^0x[0-9a-f]+$/i.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : null;
}

/** The walk the spec asks for, or the message naming what is wrong and the allowed range. */
function walkFor(sim: Simulation, vmIndex: number, spec: string | undefined): Walk | string {
  const vm = sim.vms[vmIndex];
  if (spec?.startsWith('gpa:')) {
    const address = parseHex(spec.slice(4));
    const end = vm.ept.pages * PAGE_SIZE_BYTES;
    if (address === null || address >= end)
      return `--walk: guest-physical address "${spec.slice(4)}" is not valid for VM ${vm.name} (allowed 0x0 to ${hex(end - 1)})`;
    return translateGuestPhysical(sim, vmIndex, address);
  }
  const process = vm.os.processes[APP_PID];
  if (!process?.alive) return `--walk: VM ${vm.name} has no running workload process to walk (try gpa:ADDRESS)`;
  const end = VA_BASE + process.virtualPages * PAGE_SIZE_BYTES;
  let address: number | null;
  if (spec === undefined) {
    const first = process.pte.findIndex((e) => e >= 0);
    address = VA_BASE + Math.max(0, first) * PAGE_SIZE_BYTES;
  } else address = parseHex(spec);
  if (address === null || address < VA_BASE || address >= end) {
    return `--walk: guest-virtual address "${spec}" is not in VM ${vm.name}'s workload process (allowed ${hex(VA_BASE)} to ${hex(end - 1)}, or gpa:ADDRESS)`;
  }
  return translate(sim, vmIndex, APP_PID, address);
}

const reasonOf = (o: WalkOutcome): string | null => (o.kind === 'translated' ? null : o.cause);

function asText(vmName: string, walk: Walk): string {
  const what =
    walk.kind === 'two-dimensional' ? `guest-virtual ${walk.guestVirtualAddress}` : `guest-physical ${walk.steps[0]?.indexFrom.address}`;
  const lines = [`Walk of ${what} in VM ${vmName}: ${walk.memoryReferences} memory references`];
  for (const s of walk.steps) {
    const dim = s.dimension === 'ept' ? `EPT walk for ${s.nestedWalkFor}` : 'guest entry';
    lines.push(`${String(s.step).padStart(3)}. ${s.table.padEnd(10)} ${dim}: ${indexArithmetic(s)}; ${entryLocation(s)}`);
    lines.push(`     ${s.description}`);
  }
  lines.push(`Outcome: ${walk.outcome.kind}${reasonOf(walk.outcome) ? ` (${reasonOf(walk.outcome)})` : ''}`, walk.outcome.explanation);
  return `${lines.join('\n')}\n`;
}

/** Runs the --walk option on a simulation that has already run. */
export function walkCommand(sim: Simulation, option: string, json: boolean): WalkCommandResult {
  const colon = option.indexOf(':');
  const vmPart = colon < 0 ? option : option.slice(0, colon);
  const spec = colon < 0 ? undefined : option.slice(colon + 1);
  const vmIndex = findVm(sim, vmPart);
  if (typeof vmIndex === 'string') return { ok: false, error: vmIndex };
  const walk = walkFor(sim, vmIndex, spec);
  if (typeof walk === 'string') return { ok: false, error: walk };
  const vm = sim.vms[vmIndex].name;
  if (!json) return { ok: true, text: asText(vm, walk) };
  const address = walk.kind === 'two-dimensional' ? walk.guestVirtualAddress : `gpa:${walk.steps[0].indexFrom.address}`;
  const out = {
    vm,
    vmIndex,
    address,
    kind: walk.kind,
    memoryReferences: walk.memoryReferences,
    references: walk.steps,
    outcome: { ...walk.outcome, reason: reasonOf(walk.outcome) },
  };
  return { ok: true, text: `${JSON.stringify(out, null, 2)}\n` };
}
