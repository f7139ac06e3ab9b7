// Host controls: host memory, the swap device's speed (with SSD and hard-disk presets) and,
// under "More", swap size, page sharing and compression. All generated from HOST_PARAMS.
import type { Scenario } from '../../sim/scenario/types.ts';
import { useSim } from '../data/SimSourceContext.tsx';
import { ParamControl } from './ParamControl.tsx';

/** Swap device presets, µs per page read (reference §6.3: SSD ~50-200 µs, HDD 5-10 ms). */
const SWAP_DEVICES = [{ name: 'SSD', us: 200 }, { name: 'Hard disk', us: 7000 }] as const;

export function HostControls({ scenario }: { scenario: Scenario }) {
  const sim = useSim();
  return (
    <fieldset className="control-group">
      <legend>Host</legend>
      <ParamControl scenario={scenario} path="host.memoryMiB" />
      <ParamControl scenario={scenario} path="host.swapLatencyUs" label="Swap device speed (latency)" />
      <div className="button-row" role="group" aria-label="Swap device">
        {SWAP_DEVICES.map((d) => (
          <button key={d.name} type="button" aria-pressed={scenario.host.swapLatencyUs === d.us} onClick={() => sim.setParam('host.swapLatencyUs', d.us)}>
            {d.name}
          </button>
        ))}
      </div>
      <details>
        <summary>More host settings</summary>
        <ParamControl scenario={scenario} path="host.swapMiB" />
        <ParamControl scenario={scenario} path="host.pageSharing" />
        <ParamControl scenario={scenario} path="host.compression" />
        <ParamControl scenario={scenario} path="host.swapSelection" />
      </details>
    </fieldset>
  );
}
