// The hypervisor's event counters (the report's `counters` block adds the guests' swap counts).

export interface HostStats {
  hostSwapOuts: number;
  hostSwapIns: number;
  eptViolations: number;
  cowFaults: number;
  /** Guest swapped out a page the host had already swapped: the host read it back first (W02 §3.1). */
  doublePaging: number;
  compressions: number;
  decompressions: number;
  /** Pages merged into a shared frame by the sharing scanner. */
  pagesMerged: number;
  /** Hash matches whose full contents differed: compared and rejected, not merged. */
  hashCollisionsRejected: number;
  /** Scanned pages skipped because their content keeps changing (KSM pages_volatile, counted per scan). */
  volatileScans: number;
  /** Guest touches of a page it had given to the balloon (buggy or crashed guest). */
  balloonedTouches: number;
  /** Faults the host could not serve: no free frame and nothing it could swap. */
  hostOutOfMemory: number;
  /** Free guest pages reported by free page reporting whose backing the host discarded. */
  reportedPagesDiscarded: number;
}

export const emptyHostStats = (): HostStats => ({
  hostSwapOuts: 0,
  hostSwapIns: 0,
  eptViolations: 0,
  cowFaults: 0,
  doublePaging: 0,
  compressions: 0,
  decompressions: 0,
  pagesMerged: 0,
  hashCollisionsRejected: 0,
  volatileScans: 0,
  balloonedTouches: 0,
  hostOutOfMemory: 0,
  reportedPagesDiscarded: 0,
});
