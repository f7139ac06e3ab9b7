// The walk toggles: TLB, page walk cache, nested TLB, guest and host page sizes, 5-level paging.
// Each shows what it changes ("Page walk cache: 24 -> 6 references"), computed through
// src/sim/walk (the planned walk by default, or the caller's real walks via countsFor).
// Props in, settings out: no store.
import { useId } from 'react';
import type { PageSize } from '../../sim/walk/pageSizes.ts';
import { plannedReferences, type WalkSettings } from '../../sim/walk/walkPlan.ts';
import { CACHE_TOGGLES, cacheToggleChange, fiveLevelChange, pageSizeCounts, type CountsFor } from './walkToggleCounts.ts';
import './walk.css';

export interface WalkTogglesProps {
  settings: WalkSettings;
  onChange(next: WalkSettings): void;
  /** Reference counts for any settings; defaults to the reference's planned walk. */
  countsFor?: CountsFor;
}

const arrow = (off: number, on: number) => `${off} -> ${on} references`;

function PageSizeGroup({
  legend,
  dimension,
  settings,
  onChange,
  countsFor,
}: {
  legend: string;
  dimension: 'guestPageSize' | 'hostPageSize';
  settings: WalkSettings;
  onChange(s: WalkSettings): void;
  countsFor: CountsFor;
}) {
  const name = useId();
  const counts = pageSizeCounts(settings, dimension, countsFor);
  const base = counts[0].references;
  return (
    <fieldset>
      <legend>{legend}</legend>
      {counts.map(({ size, references }) => (
        <label key={size} style={{ display: 'block' }}>
          <input
            type="radio"
            name={name}
            checked={settings[dimension] === size}
            onChange={() => onChange({ ...settings, [dimension]: size as PageSize })}
          />{' '}
          {size}
          {size === '4 KiB' ? '' : ' large pages'}:{' '}
          <span className="walk-toggle-count">{size === '4 KiB' ? `${references} references` : arrow(base, references)}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function WalkToggles({ settings, onChange, countsFor = plannedReferences }: WalkTogglesProps) {
  const now = countsFor(settings);
  const five = fiveLevelChange(settings, countsFor);
  const fiveOn = settings.guestLevels === 5 && settings.eptLevels === 5;
  return (
    <fieldset className="walk-toggles">
      <legend>Translation hardware</legend>
      <p className="walk-toggles-headline" role="status">
        Cold walk: {now.cold} memory references. The same page walked again: {now.repeated}.
      </p>
      <div className="walk-toggles-grid">
        <fieldset>
          <legend>Caches (they shorten a repeated walk)</legend>
          {CACHE_TOGGLES.map(({ key, label }) => {
            const change = cacheToggleChange(settings, key, countsFor);
            return (
              <label key={key} style={{ display: 'block' }}>
                <input type="checkbox" checked={settings[key]} onChange={(e) => onChange({ ...settings, [key]: e.target.checked })} />{' '}
                {label}: <span className="walk-toggle-count">{arrow(change.off, change.on)}</span>
              </label>
            );
          })}
          <label style={{ display: 'block' }}>
            <input
              type="checkbox"
              checked={fiveOn}
              onChange={(e) => onChange({ ...settings, guestLevels: e.target.checked ? 5 : 4, eptLevels: e.target.checked ? 5 : 4 })}
            />{' '}
            5-level paging (guest LA57 and 5-level EPT): <span className="walk-toggle-count">{arrow(five.off, five.on)}</span>
          </label>
        </fieldset>
        <PageSizeGroup
          legend="Guest pages (the guest's page table)"
          dimension="guestPageSize"
          settings={settings}
          onChange={onChange}
          countsFor={countsFor}
        />
        <PageSizeGroup
          legend="Host pages (the EPT)"
          dimension="hostPageSize"
          settings={settings}
          onChange={onChange}
          countsFor={countsFor}
        />
      </div>
    </fieldset>
  );
}
