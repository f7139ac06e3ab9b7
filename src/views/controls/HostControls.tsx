// Host controls: host memory, the host swap latency (the first screen's swap-storage choice
// sets it from named presets) and, under "More", swap size, page sharing and compression. All
// generated from HOST_PARAMS.
import type { Scenario } from '../../sim/scenario/types.ts';
import { ParamControl } from './ParamControl.tsx';

export function HostControls({ scenario }: { scenario: Scenario }) {
  return (
    <fieldset className="control-group">
      <legend>Host</legend>
      <ParamControl scenario={scenario} path="host.memoryMiB" />
      <ParamControl scenario={scenario} path="host.swapLatencyUs" />
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
