// Turns what the user picked into a walk target: a host frame becomes the guest-physical page
// it backs, a region of a process becomes an address in it (the start or the end of its
// mapping, the middle of its working set now), and "a ballooned page" becomes the VM's first
// guest-physical page in the balloon. Reads the model; throws a RangeError naming what is
// missing (a frame that backs no guest page, a balloon that is empty).
import { VA_BASE } from '../guest/Process.ts';
import { APP_PID } from '../guest/Workload.ts';
import { EPT_BALLOONED } from '../host/Ept.ts';
import { OWNER_HYPERVISOR } from '../host/HostFrames.ts';
import type { Simulation } from '../Simulation.ts';
import { PAGE_SIZE_BYTES } from '../units.ts';
import { hex } from './addressBits.ts';
import type { WalkPick, WalkRegion, WalkTarget } from './walkTarget.ts';

const gpaOf = (vm: number, gpfn: number): WalkTarget => ({ space: 'guest-physical', vm, gpa: hex(gpfn * PAGE_SIZE_BYTES) });

function frameTarget(sim: Simulation, frame: number): WalkTarget {
  const frames = sim.hv.frames;
  const owner = frames.owner[frame];
  if (owner >= 0 && !frames.isCompression(frame)) return gpaOf(frames.vmOf(frame), frames.gpfnOf(frame));
  const what =
    owner === OWNER_HYPERVISOR
      ? "it holds the hypervisor's own data (EPT tables)"
      : frames.isCompression(frame)
        ? "it holds a VM's compressed pages"
        : 'it is free';
  throw new RangeError(`host frame ${frame} backs no guest page: ${what}`);
}

function regionTarget(sim: Simulation, vmIndex: number, pid: number, region: WalkRegion): WalkTarget {
  const vm = sim.vms[vmIndex];
  if (region === 'ballooned') {
    const gpfn = vm.ept.entries.indexOf(EPT_BALLOONED);
    if (gpfn < 0) throw new RangeError(`${vm.name} has no ballooned page now: its balloon is empty`);
    return gpaOf(vmIndex, gpfn);
  }
  const process = vm.os.processes[pid];
  if (!process?.alive) throw new RangeError(`${vm.name} has no running process ${pid}`);
  const [lo, hi] = pid === APP_PID ? vm.workload.window() : [0, process.virtualPages];
  const page =
    region === 'mapping-start'
      ? 0
      : region === 'mapping-end'
        ? process.virtualPages - 1
        : Math.min(process.virtualPages - 1, Math.floor((lo + hi) / 2));
  return { space: 'guest-virtual', vm: vmIndex, pid, gva: hex(VA_BASE + page * PAGE_SIZE_BYTES) };
}

/** The walk target of a pick (a target is its own). */
export function resolvePick(sim: Simulation, pick: WalkPick): WalkTarget {
  if (pick.space === 'host-physical') return frameTarget(sim, pick.frame);
  if (pick.space === 'region') return regionTarget(sim, pick.vm, pick.pid, pick.region);
  return pick;
}
