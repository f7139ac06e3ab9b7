// squeezed's Stuckness_monitor (xapi-project/xen-api ocaml/squeezed/lib/squeeze.ml): a domain
// with work to do (actual off its target) whose memory_actual has not moved towards the target
// for more than 5 s is stuck, until it moves towards it again. One monitor lives for one balance.
import { INACCURACY_KIB, type SqueezeDomain } from './squeeze.ts';

/** assume_balloon_driver_stuck_after = 5 s (stuck once strictly longer). */
export const ASSUME_BALLOON_DRIVER_STUCK_AFTER_MS = 5000;

interface DomainState {
  lastActualKib: number;
  lastProgressMs: number;
  stuck: boolean;
}

export class StucknessMonitor {
  private readonly perDomain = new Map<number, DomainState>();

  update(domains: readonly SqueezeDomain[], nowMs: number): void {
    for (const d of domains) {
      const delta = d.actualKib - d.targetKib;
      // direction_of_actual: None when within inaccuracy; "Down" (the balloon deflates) when the target is above.
      const direction = Math.abs(delta) <= INACCURACY_KIB ? null : d.targetKib > d.actualKib ? 'down' : 'up';
      let s = this.perDomain.get(d.id);
      if (!s) {
        s = { lastActualKib: d.actualKib, lastProgressMs: nowMs, stuck: false };
        this.perDomain.set(d.id, s);
      }
      const deltaActual = d.actualKib - s.lastActualKib;
      s.lastActualKib = d.actualKib;
      if ((deltaActual > 0 && direction === 'down') || (deltaActual < 0 && direction === 'up')) {
        s.lastProgressMs = nowMs;
        s.stuck = false;
      }
      if (direction !== null && nowMs - s.lastProgressMs > ASSUME_BALLOON_DRIVER_STUCK_AFTER_MS) s.stuck = true;
    }
  }

  isActive(id: number): boolean {
    const s = this.perDomain.get(id);
    return s !== undefined && !s.stuck;
  }
}
