// The scenario: the one versioned description of a simulation that presets, scenario files,
// the CLI and links share (docs/scenario-format.md). Sizes are MiB, times carry their unit.
import type { ConfigOf } from './paramSpec.ts';
import type { BALLOON_PARAMS, HOST_PARAMS, PolicyKind, VM_PARAMS, WORKLOAD_PARAMS } from './params.ts';
import type { ScheduleEntry } from './schedule.ts';

export type { PolicyKind };

export type ParamValue = number | string | boolean;

export type HostConfig = ConfigOf<typeof HOST_PARAMS>;
export type PageSharingMode = HostConfig['pageSharing'];
export type HostSwapSelection = HostConfig['swapSelection'];
export type BalloonConfig = ConfigOf<typeof BALLOON_PARAMS>;
export type WorkloadConfig = ConfigOf<typeof WORKLOAD_PARAMS>;

export type VmConfig = ConfigOf<typeof VM_PARAMS> & {
  name: string;
  balloon: BalloonConfig;
  workload: WorkloadConfig;
  /** Per-VM keys of the selected policy (e.g. Hyper-V bufferPercent), validated by its module. */
  policy: Record<string, ParamValue>;
};

export interface PolicyConfig {
  kind: PolicyKind;
  /** Policy-wide parameters, validated against the policy module's table. */
  params: Record<string, ParamValue>;
}

export interface Scenario {
  format: 2;
  /** Preset name this scenario came from, if any (informational). */
  name: string;
  seed: number;
  tickMs: number;
  host: HostConfig;
  policy: PolicyConfig;
  vms: VmConfig[];
  /** The timeline: changes at given times (schedule.ts); the run engine applies them. */
  schedule: ScheduleEntry[];
}
