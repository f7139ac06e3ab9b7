// Turns what changed in a tick into sentences for the event log: guest OOM kills, balloon
// drivers reaching a notable state (out of puff, floor reached, back-off, deflate on OOM), the
// host starting or stopping swapping, double paging. Policies add their own sentences; this
// covers the mechanisms below them. It keeps the previous tick's counters to compare with.
import type { EventLog } from './events.ts';
import type { Hypervisor } from './host/Hypervisor.ts';
import { pagesToMib } from './units.ts';
import type { Vm } from './Vm.ts';

/** Quiet time after which the host counts as no longer swapping (avoids a sentence a tick). */
const HOST_SWAP_QUIET_MS = 5000;
const NOTABLE_ACTIVITY = /out of puff|floor reached|BP_EAGAIN|deflated on OOM|allocation failed/;

export class Narrator {
  private readonly lastOom: number[];
  private readonly lastActivity: string[];
  private hostSwapping = false;
  private lastHostSwapMs = 0;
  private lastHostSwapOuts = 0;
  private lastDoublePaging = 0;

  constructor(vms: readonly Vm[]) {
    this.lastOom = vms.map(() => 0);
    this.lastActivity = vms.map(() => 'idle');
  }

  afterTick(vms: readonly Vm[], hv: Hypervisor, log: EventLog): void {
    vms.forEach((vm, i) => {
      const kills = vm.os.stats.oomKill;
      if (kills > this.lastOom[i]) log.emit('guest', i, `${vm.name}: the guest ran out of memory and its OOM killer killed ${vm.workload.config.kind} (restarts in 5 s).`);
      this.lastOom[i] = kills;
      const activity = vm.driver?.activity ?? 'idle';
      if (activity !== this.lastActivity[i] && NOTABLE_ACTIVITY.test(activity)) {
        log.emit('balloon', i, `${vm.name}: balloon ${activity} at ${pagesToMib(vm.driver!.actualPages).toFixed(0)} of ${pagesToMib(vm.driver!.targetPages).toFixed(0)} MiB.`);
      }
      this.lastActivity[i] = activity;
    });
    const outs = hv.stats.hostSwapOuts;
    if (outs > this.lastHostSwapOuts) {
      if (!this.hostSwapping) log.emit('host', -1, `The host ran short of free frames and started swapping guest pages it cannot see into (${pagesToMib(hv.frames.freeFrames).toFixed(0)} MiB free).`);
      this.hostSwapping = true;
      this.lastHostSwapMs = log.nowMs;
    } else if (this.hostSwapping && log.nowMs - this.lastHostSwapMs >= HOST_SWAP_QUIET_MS) {
      log.emit('host', -1, `The host has not swapped for ${HOST_SWAP_QUIET_MS / 1000} s.`);
      this.hostSwapping = false;
    }
    this.lastHostSwapOuts = outs;
    if (hv.stats.doublePaging > this.lastDoublePaging && this.lastDoublePaging === 0) {
      log.emit('host', -1, 'Double paging: a guest swapped out a page the host had already swapped, so the host read it back from disk first.');
    }
    this.lastDoublePaging = hv.stats.doublePaging;
  }
}
