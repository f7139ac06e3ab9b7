// The two sides of a comparison as the compare view draws them: each side's latest summary
// (the first run's from the frame bus, the second's from the compare bus) and a short history
// of host free memory and total balloon per simulated second, cleared when time goes back.
import { useEffect, useState } from 'react';
import type { RunReport } from '../../sim/report.ts';
import { latestCompared, subscribeCompared } from '../../state/compareBus.ts';
import { latestFrame, subscribeFrame } from '../../state/frameBus.ts';

/** Samples kept per side (one per simulated second drawn). */
const KEPT = 600;

export interface Sample {
  t: number;
  freeMiB: number;
  balloonMiB: number;
}
export interface Side {
  summary: RunReport | null;
  ticks: number;
  history: Sample[];
}

const empty: Side = { summary: null, ticks: 0, history: [] };

function next(side: Side, summary: RunReport, ticks: number): Side {
  const t = summary.simSeconds;
  const kept = side.history.filter((s) => s.t < t);
  const last = kept.at(-1);
  const sample = { t, freeMiB: summary.host.freeMiB, balloonMiB: summary.vms.reduce((a, v) => a + v.balloonMiB, 0) };
  const history = last && t - last.t < 1 ? kept : [...kept, sample].slice(-KEPT);
  return { summary, ticks, history };
}

export function useSides(): [Side, Side] {
  const [a, setA] = useState<Side>(() => {
    const f = latestFrame();
    return f ? next(empty, f.summary, f.ticks) : empty;
  });
  const [b, setB] = useState<Side>(() => {
    const f = latestCompared();
    return f ? next(empty, f.summary, f.ticks) : empty;
  });
  useEffect(() => subscribeFrame((f) => setA((s) => next(s, f.summary, f.ticks))), []);
  useEffect(() => subscribeCompared((f) => setB((s) => (f ? next(s, f.summary, f.ticks) : empty))), []);
  return [a, b];
}
