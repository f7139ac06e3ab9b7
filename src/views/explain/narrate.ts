// Sentences the views derive from summaries, so "what just happened" speaks even when the
// policy emits no events (manual, none): a balloon inflated or deflated, a target moved, the
// host or a guest swapped, a guest killed a process, the host changed state. A change is told
// once it reaches STEP_MIB since it was last told, so a steady drift is not a flood. A new run
// (time going back, another policy, VMs added or removed) starts over silently. Pure.
import type { RunReport } from '../../sim/report.ts';
import type { SimEventKind } from '../../sim/events.ts';

export const STEP_MIB = 32;
/** A host state that flaps is told at most once per this much simulated time. */
export const STATE_QUIET_S = 2;

export interface Sentence { kind: SimEventKind; vm: number; text: string }

interface Told { balloon: number[]; target: number[]; guestSwap: number[]; oom: number[]; hostSwap: number; state: string; tS: number; policy: string; stateToldS: number }

const r0 = (x: number): number => Math.round(x);

export class Narrator {
  private told: Told | null = null;

  observe(r: RunReport): Sentence[] {
    const t = this.told;
    if (!t || r.simSeconds < t.tS || t.balloon.length !== r.vms.length || t.policy !== r.policy) {
      this.told = this.snapshot(r);
      return [];
    }
    const out: Sentence[] = [];
    if (r.host.state !== t.state && r.simSeconds - t.stateToldS >= STATE_QUIET_S) {
      out.push({ kind: 'policy', vm: -1, text: `The host went from ${t.state} to ${r.host.state}, with ${r0(r.host.freeMiB)} MiB free.` });
      t.state = r.host.state;
      t.stateToldS = r.simSeconds;
    }
    r.vms.forEach((v, i) => {
      if (Math.abs(v.balloonTargetMiB - t.target[i]) >= STEP_MIB) {
        out.push({ kind: 'policy', vm: i, text: `${v.name}'s balloon target is now ${r0(v.balloonTargetMiB)} MiB.` });
        t.target[i] = v.balloonTargetMiB;
      }
      const db = v.balloonMiB - t.balloon[i];
      if (Math.abs(db) >= STEP_MIB) {
        out.push(db > 0
          ? { kind: 'balloon', vm: i, text: `${v.name}'s balloon inflated to ${r0(v.balloonMiB)} MiB: the guest gave up ${r0(db)} MiB of pages and their host frames went back to the free pool.` }
          : { kind: 'balloon', vm: i, text: `${v.name}'s balloon deflated to ${r0(v.balloonMiB)} MiB, handing ${r0(-db)} MiB back to the guest.` });
        t.balloon[i] = v.balloonMiB;
      }
      const ds = v.guestSwapMiB - t.guestSwap[i];
      if (ds >= STEP_MIB) {
        out.push({ kind: 'guest', vm: i, text: `${v.name} swapped ${r0(ds)} MiB to its own swap disk (${r0(v.guestSwapMiB)} MiB there now): the guest chose pages it thinks are idle.` });
        t.guestSwap[i] = v.guestSwapMiB;
      } else if (ds < 0) t.guestSwap[i] = v.guestSwapMiB;
      if (v.oomKills > t.oom[i]) {
        out.push({ kind: 'guest', vm: i, text: `${v.name} ran out of memory and its kernel killed a process.` });
        t.oom[i] = v.oomKills;
      }
    });
    const dh = r.host.swapUsedMiB - t.hostSwap;
    if (dh >= STEP_MIB) {
      out.push({ kind: 'host', vm: -1, text: `The host swapped out ${r0(dh)} MiB of guest pages it cannot see into (${r0(r.host.swapUsedMiB)} MiB in host swap).` });
      t.hostSwap = r.host.swapUsedMiB;
    } else if (dh < 0) t.hostSwap = r.host.swapUsedMiB;
    t.tS = r.simSeconds;
    return out;
  }

  private snapshot(r: RunReport): Told {
    return {
      balloon: r.vms.map((v) => v.balloonMiB), target: r.vms.map((v) => v.balloonTargetMiB),
      guestSwap: r.vms.map((v) => v.guestSwapMiB), oom: r.vms.map((v) => v.oomKills),
      hostSwap: r.host.swapUsedMiB, state: r.host.state, tS: r.simSeconds, policy: r.policy, stateToldS: -Infinity,
    };
  }
}
