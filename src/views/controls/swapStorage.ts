// Named swap-storage presets for the first screen's "Swap storage" choice. One choice sets the
// host's swap latency and every guest's disk latency (its swap and file reads), since both sit
// on the same kind of storage here. Latencies per page read, µs, within the reference's ranges
// (§6.3: SSD ~50-100 µs, hard disk 5-10 ms). Pure.
import type { Scenario } from '../../sim/scenario/types.ts';
import type { ParamChange } from '../../sim/scenario/paramPath.ts';

export interface SwapStorage {
  id: string;
  label: string;
  latencyUs: number;
}

export const SWAP_STORAGES: readonly SwapStorage[] = [
  { id: 'nvme', label: 'NVMe SSD', latencyUs: 50 },
  { id: 'sata', label: 'SATA SSD', latencyUs: 100 },
  { id: 'hdd', label: 'Hard disk', latencyUs: 8000 },
];

/** The preset the scenario's host swap uses, or null for a latency set by hand. */
export function currentStorage(s: Scenario): SwapStorage | null {
  return SWAP_STORAGES.find((d) => d.latencyUs === s.host.swapLatencyUs) ?? null;
}

/** The changes that put host swap and every guest disk on `storage`. */
export function storageChanges(s: Scenario, storage: SwapStorage): ParamChange[] {
  return [
    { path: 'host.swapLatencyUs', value: storage.latencyUs },
    ...s.vms.map((_, i) => ({ path: `vms.${i}.guestDiskLatencyUs`, value: storage.latencyUs })),
  ];
}

/** "reading a page back takes 0.1 ms". */
export function latencyWords(latencyUs: number): string {
  const ms = latencyUs / 1000;
  return `reading a page back takes ${ms >= 1 ? ms.toFixed(0) : ms.toFixed(2).replace(/0$/, '')} ms`;
}
