// Finds the events of the mechanisms below the policies after each tick, by comparing with the
// previous tick: guest OOM kills, a balloon driver entering a state that holds it short of its
// target, balloons inflating or deflating and targets moving (told once the change reaches
// STEP_PAGES since last told, so a steady drift is not a flood), guest swapping, the host
// starting, going on and stopping swapping, double paging, and host state changes of policies
// that do not announce their own. Policies emit their decisions themselves.
import { STALLED_ACTIVITIES, type BalloonActivity } from './balloon/BalloonDriver.ts';
import type { EventLog } from './events.ts';
import type { Hypervisor } from './host/Hypervisor.ts';
import { RESTART_DELAY_MS } from './guest/Workload.ts';
import type { Policy } from './policy/Policy.ts';
import { mibToPages } from './units.ts';
import type { Vm } from './Vm.ts';

/** A balloon, target, swap amount is told again once it moved this much since last told. */
export const STEP_PAGES = mibToPages(32);
/** Quiet time after which the host counts as no longer swapping (avoids an event a tick). */
export const HOST_SWAP_QUIET_MS = 5000;
/** A host state that flaps is told at most once per this much simulated time. */
export const STATE_QUIET_MS = 2000;

interface VmTold {
  oomKills: number;
  activity: BalloonActivity;
  balloonPages: number;
  targetPages: number;
  guestSwapPages: number;
}

export class EventDetector {
  private readonly told: VmTold[];
  private hostSwapping = false;
  private lastHostSwapMs = 0;
  private lastHostSwapOuts = 0;
  private hostSwapToldPages = 0;
  private doublePaging = 0;
  private state: string;
  private stateToldMs = -Infinity;

  constructor(vms: readonly Vm[], policy: Policy) {
    this.told = vms.map((vm) => ({
      oomKills: 0,
      activity: 'idle',
      balloonPages: vm.driver?.actualPages ?? 0,
      targetPages: vm.driver?.targetPages ?? 0,
      guestSwapPages: 0,
    }));
    this.state = policy.state;
  }

  afterTick(vms: readonly Vm[], hv: Hypervisor, policy: Policy, log: EventLog): void {
    vms.forEach((vm, i) => this.vmEvents(vm, i, this.told[i], log));
    this.hostSwapEvents(hv, log);
    if (hv.stats.doublePaging > this.doublePaging && this.doublePaging === 0) log.emit({ type: 'double-paging' });
    this.doublePaging = hv.stats.doublePaging;
    if (!policy.announcesStates && policy.state !== this.state && log.nowMs - this.stateToldMs >= STATE_QUIET_MS) {
      log.emit({ type: 'host-state', from: this.state, to: policy.state, freePages: hv.frames.freeFrames });
      this.state = policy.state;
      this.stateToldMs = log.nowMs;
    }
  }

  private vmEvents(vm: Vm, i: number, t: VmTold, log: EventLog): void {
    const kills = vm.os.stats.oomKill;
    if (kills > t.oomKills) log.emit({ type: 'oom-kill', vm: i, process: vm.workload.config.kind, restartAfterMs: RESTART_DELAY_MS });
    t.oomKills = kills;
    const d = vm.driver;
    if (d) {
      if (d.activity !== t.activity && STALLED_ACTIVITIES.has(d.activity)) {
        log.emit({
          type: 'balloon-stalled',
          vm: i,
          activity: d.activity,
          retryAfterMs: d.retryAfterMs,
          actualPages: d.actualPages,
          targetPages: d.targetPages,
        });
      }
      t.activity = d.activity;
      if (Math.abs(d.targetPages - t.targetPages) >= STEP_PAGES) {
        log.emit({ type: 'balloon-target', vm: i, targetPages: d.targetPages });
        t.targetPages = d.targetPages;
      }
      const change = d.actualPages - t.balloonPages;
      if (Math.abs(change) >= STEP_PAGES) {
        log.emit({
          type: change > 0 ? 'balloon-inflated' : 'balloon-deflated',
          vm: i,
          balloonPages: d.actualPages,
          changePages: Math.abs(change),
        });
        t.balloonPages = d.actualPages;
      }
    }
    const swapPages = vm.os.swap.used;
    if (swapPages - t.guestSwapPages >= STEP_PAGES) {
      log.emit({ type: 'guest-swapped', vm: i, changePages: swapPages - t.guestSwapPages, swapPages });
      t.guestSwapPages = swapPages;
    } else if (swapPages < t.guestSwapPages) t.guestSwapPages = swapPages;
  }

  private hostSwapEvents(hv: Hypervisor, log: EventLog): void {
    const outs = hv.stats.hostSwapOuts;
    if (outs > this.lastHostSwapOuts) {
      if (!this.hostSwapping) log.emit({ type: 'host-swap-started', freePages: hv.frames.freeFrames });
      this.hostSwapping = true;
      this.lastHostSwapMs = log.nowMs;
    } else if (this.hostSwapping && log.nowMs - this.lastHostSwapMs >= HOST_SWAP_QUIET_MS) {
      log.emit({ type: 'host-swap-stopped', quietMs: HOST_SWAP_QUIET_MS });
      this.hostSwapping = false;
    }
    this.lastHostSwapOuts = outs;
    const swapPages = hv.swap.used;
    if (swapPages - this.hostSwapToldPages >= STEP_PAGES) {
      log.emit({ type: 'host-swapped', changePages: swapPages - this.hostSwapToldPages, swapPages });
      this.hostSwapToldPages = swapPages;
    } else if (swapPages < this.hostSwapToldPages) this.hostSwapToldPages = swapPages;
  }
}
