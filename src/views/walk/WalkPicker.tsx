// Picking what to walk: the VM and the process, a "Guest virtual address" field (hex; a bad
// entry gets a message naming the field and the allowed range, and nothing is asked), region
// buttons (the start or the end of the process's mapping, the middle of its working set, a
// ballooned page of the VM), and whether the access is a write. Clicks on the maps pick too
// (GuestMapView, HostMapView).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { APP_PID } from '../../sim/guest/Workload.ts';
import { WALK_REGIONS, type WalkProcess } from '../../sim/walk/index.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { parseGuestAddress } from './parseGuestAddress.ts';
import { REGION_LABELS, WRITE_LABEL } from './walkText.ts';

export interface WalkPickerProps {
  vm: number;
  pid: number;
  /** The guest-virtual address walked now, for the field. */
  gva: string | null;
  /** The VM's processes as the worker last listed them (empty before the first walk). */
  processes: readonly WalkProcess[];
}

export function WalkPicker({ vm, pid, gva, processes }: WalkPickerProps) {
  const sim = useSim();
  const scenario = sim.useScenario();
  const { whatIf, target } = sim.useWalk();
  const id = useId();
  const [text, setText] = useState(gva ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(gva ?? '');
    setError(null);
  }, [gva]);
  const levels = scenario.vms[vm]?.pageTableLevels ?? 4;
  const listed = processes.length > 0 ? processes : [{ pid: APP_PID, name: scenario.vms[vm]?.workload.kind ?? 'app' }];
  const walkAddress = (e: FormEvent): void => {
    e.preventDefault();
    const parsed = parseGuestAddress(text, levels);
    setError(parsed.ok ? null : parsed.error);
    if (parsed.ok) sim.pickWalk({ space: 'guest-virtual', vm, pid, gva: parsed.gva });
  };
  const changeVm = (next: number): void => {
    if (target?.space === 'guest-physical') sim.pickWalk({ ...target, vm: next });
    else sim.pickWalk({ space: 'region', vm: next, pid: APP_PID, region: 'mapping-start' });
  };
  return (
    <div className="walk-picker">
      <label>
        VM{' '}
        <select value={vm} onChange={(e) => changeVm(Number(e.target.value))}>
          {scenario.vms.map((v, i) => (
            <option key={i} value={i}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Process{' '}
        <select value={pid} onChange={(e) => sim.pickWalk({ space: 'region', vm, pid: Number(e.target.value), region: 'mapping-start' })}>
          {listed.map((p) => (
            <option key={p.pid} value={p.pid}>{`${p.pid}: ${p.name}`}</option>
          ))}
        </select>
      </label>
      <form className="walk-address" onSubmit={walkAddress} noValidate>
        <label htmlFor={`${id}-gva`}>Guest virtual address</label>{' '}
        <input
          id={`${id}-gva`}
          type="text"
          inputMode="text"
          spellCheck={false}
          autoComplete="off"
          placeholder="0x7f0000005123"
          size={18}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
        />{' '}
        <button type="submit">Walk</button>
        {error && (
          <p id={`${id}-error`} className="walk-error" role="alert">
            {error}
          </p>
        )}
      </form>
      <div className="walk-regions" role="group" aria-label="Pick a region">
        {WALK_REGIONS.map((region) => (
          <button key={region} type="button" onClick={() => sim.pickWalk({ space: 'region', vm, pid, region })}>
            {REGION_LABELS[region]}
          </button>
        ))}
      </div>
      <label className="walk-write">
        <input type="checkbox" checked={whatIf.write} onChange={(e) => sim.setWalkWhatIf({ ...whatIf, write: e.target.checked })} />{' '}
        {WRITE_LABEL}
      </label>
    </div>
  );
}
