// One numeric parameter as a native range input, generated from its spec: label, unit,
// description, range and step come from the parameter table; the scale is log-like for wide
// ranges; aria-valuetext reads "Host memory 4096 MiB". Keys move by range/20 (Shift: /100),
// PageUp/Down by range/10. A number box beside it accepts exact values (NumberBox).
import { useId, type KeyboardEvent } from 'react';
import type { NumberSpec } from '../../sim/scenario/paramSpec.ts';
import { TermText } from '../glossary/TermText.tsx';
import { NumberBox } from './NumberBox.tsx';
import { keyStep, POSITIONS, sliderScale, snap, valueText } from './sliderScale.ts';

export interface ParamSliderProps {
  spec: NumberSpec;
  value: number;
  onChange(value: number): void;
  /** Narrower upper end than the spec's (contextual limit, e.g. the VM's memory). */
  maxOverride?: number;
  /** Label override ("web working set"); defaults to the spec's label. */
  label?: string;
  /** Extra words for screen readers ("high, balloons inflating"). */
  context?: string;
}

export function ParamSlider({ spec, value, onChange, maxOverride, label, context }: ParamSliderProps) {
  const id = useId();
  const scale = sliderScale(spec, maxOverride);
  const name = label ?? spec.label;
  const position = scale.toPosition(value);
  const commit = (v: number): void => {
    if (v !== value) onChange(v);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const p = keyStep(e.key, e.shiftKey, position);
    if (p === null) return;
    e.preventDefault();
    commit(scale.toValue(p));
  };
  const max = maxOverride !== undefined ? Math.min(spec.max, maxOverride) : spec.max;
  return (
    <div className="param param-slider">
      <label htmlFor={id} title={spec.description}>
        <TermText text={name} />
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={POSITIONS}
        step={1}
        value={position}
        aria-valuetext={valueText(name, spec, value, context)}
        aria-describedby={`${id}-desc`}
        onChange={(e) => commit(scale.toValue(Number(e.currentTarget.value)))}
        onKeyDown={onKeyDown}
      />
      <NumberBox
        label={`${name} (${spec.unit || 'value'})`}
        value={value}
        min={spec.min}
        max={max}
        step={spec.step}
        commit={(n) => commit(snap(n, spec, spec.min, max))}
      />
      <span className="param-unit" aria-hidden="true">
        {spec.unit}
      </span>
      <span id={`${id}-desc`} className="visually-hidden">
        {spec.description}
      </span>
    </div>
  );
}
