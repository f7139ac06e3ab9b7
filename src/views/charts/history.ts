// Chart history: one sample per frame, built from the frame's summary (RunReport), kept in a
// bounded ring buffer. Rates (faults/s) come from the difference of cumulative counters
// between consecutive samples. Pure, except for the buffer it fills.
import type { RunReport } from '../../sim/report.ts';
import { RingBuffer } from '../data/ringBuffer.ts';

/** Samples kept: 10 minutes of simulated time at 10 frames/s. */
export const HISTORY_CAPACITY = 6000;

export interface VmSample {
  balloonMiB: number;
  targetMiB: number;
  backedMiB: number;
  guestSwapMiB: number;
  hostSwappedMiB: number;
  performance: number;
}

export interface Sample {
  tS: number;
  hostFreeMiB: number;
  hostSwapMiB: number;
  vms: VmSample[];
  /** Events per simulated second since the previous sample. */
  eptFaultsPerSec: number;
  guestSwapInsPerSec: number;
  hostSwapInsPerSec: number;
  doublePagingPerSec: number;
  /** Cumulative counters, kept to compute the next sample's rates. */
  counters: RunReport['counters'];
}

const rate = (now: number, before: number, dtS: number): number => (dtS > 0 ? Math.max(0, now - before) / dtS : 0);

export function sampleOf(r: RunReport, prev: Sample | undefined): Sample {
  const dt = prev ? r.simSeconds - prev.tS : 0;
  const c = r.counters;
  const p = prev?.counters ?? c;
  return {
    tS: r.simSeconds,
    hostFreeMiB: r.host.freeMiB,
    hostSwapMiB: r.host.swapUsedMiB,
    vms: r.vms.map((v) => ({
      balloonMiB: v.balloonMiB,
      targetMiB: v.balloonTargetMiB,
      backedMiB: v.backedMiB,
      guestSwapMiB: v.guestSwapMiB,
      hostSwappedMiB: v.hostSwappedMiB,
      performance: v.performance,
    })),
    eptFaultsPerSec: rate(c.eptViolations, p.eptViolations, dt),
    guestSwapInsPerSec: rate(c.guestSwapIns, p.guestSwapIns, dt),
    hostSwapInsPerSec: rate(c.hostSwapIns, p.hostSwapIns, dt),
    doublePagingPerSec: rate(c.doublePaging, p.doublePaging, dt),
    counters: c,
  };
}

/** Adds a frame's summary; a step back in time (scrub, reset) first drops the samples after it. */
export function record(history: RingBuffer<Sample>, r: RunReport): void {
  history.dropNewestWhile((s) => s.tS >= r.simSeconds);
  const prev = history.last();
  if (prev && prev.vms.length !== r.vms.length) history.clear();
  history.push(sampleOf(r, history.last()));
}

export const newHistory = (): RingBuffer<Sample> => new RingBuffer<Sample>(HISTORY_CAPACITY);
