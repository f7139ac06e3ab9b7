// How a slider's position maps to a parameter value. Parameters span up to five decades
// (1 µs to 100 ms, 0 to a million shares), so wide ranges use a symmetric-log scale (d3
// scaleSymlog, which handles 0) and narrow ones stay linear; values snap to the spec's step.
// Keyboard steps follow the UX guide: arrow = range/20, Shift+arrow = range/100,
// PageUp/PageDown = range/10, Home/End = ends, measured in slider positions. Pure.
import { scaleLinear, scaleSymlog } from 'd3';
import type { NumberSpec } from '../../sim/scenario/paramSpec.ts';

/** Positions of the native range input (fine enough for smooth dragging). */
export const POSITIONS = 1000;
/** A range this many times its smallest step or more gets a log-like scale. */
const LOG_FROM_DECADES = 2.5;

export interface SliderScale {
  toPosition(value: number): number;
  toValue(position: number): number;
  log: boolean;
}

export function snap(value: number, spec: Pick<NumberSpec, 'min' | 'max' | 'step' | 'integer'>, min = spec.min, max = spec.max): number {
  const stepped = Math.round((value - spec.min) / spec.step) * spec.step + spec.min;
  const v = Math.min(max, Math.max(min, stepped));
  return spec.integer ? Math.round(v) : Number(v.toFixed(6));
}

/** The scale for a spec, optionally with a narrower max (e.g. working set <= VM memory). */
export function sliderScale(spec: NumberSpec, maxOverride?: number): SliderScale {
  const max = Math.max(spec.min, Math.min(spec.max, maxOverride ?? spec.max));
  const unit = Math.max(spec.step, spec.min > 0 ? spec.min : spec.step);
  const log = (max - spec.min) / unit >= 10 ** LOG_FROM_DECADES;
  const s = log
    ? scaleSymlog().domain([spec.min, max]).range([0, POSITIONS]).constant(unit)
    : scaleLinear().domain([spec.min, max]).range([0, POSITIONS]);
  return {
    log,
    toPosition: (v) => Math.round(Math.min(POSITIONS, Math.max(0, s(v)))),
    toValue: (p) => snap(s.invert(p), spec, spec.min, max),
  };
}

/** The position after a key press, or null for keys the slider does not handle. */
export function keyStep(key: string, shift: boolean, position: number): number | null {
  const step = shift ? POSITIONS / 100 : POSITIONS / 20;
  const clamp = (p: number): number => Math.min(POSITIONS, Math.max(0, Math.round(p)));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return clamp(position + step);
    case 'ArrowLeft':
    case 'ArrowDown':
      return clamp(position - step);
    case 'PageUp':
      return clamp(position + POSITIONS / 10);
    case 'PageDown':
      return clamp(position - POSITIONS / 10);
    case 'Home':
      return 0;
    case 'End':
      return POSITIONS;
    default:
      return null;
  }
}

/** "Host memory 4096 MiB" (aria-valuetext and the visible readout). */
export function valueText(label: string, spec: Pick<NumberSpec, 'unit'>, value: number, context?: string): string {
  const v = spec.unit ? `${value} ${spec.unit}` : String(value);
  return context ? `${label} ${v}, ${context}` : `${label} ${v}`;
}
