// The scenario: the one versioned description of a simulation that presets, scenario files,
// the CLI and links share (docs/scenario-format.md). Sizes are MiB, times carry their unit.
import type { BalloonDriverKind, WorkloadKind } from './params.ts';

export type PageSharingMode = 'off' | 'zero' | 'all';
export type HostSwapSelection = 'random' | 'lru';
export type PolicyKind = 'manual' | 'none' | 'esx' | 'vsphere' | 'kvm-mom' | 'xen' | 'hyperv';
export type ParamValue = number | string | boolean;

export interface HostConfig {
  memoryMiB: number;
  swapMiB: number;
  swapLatencyUs: number;
  pageSharing: PageSharingMode;
  shareScanPagesPerSec: number;
  swapSelection: HostSwapSelection;
  compression: boolean;
  eptLevels: number;
  largePages: boolean;
  tlbEntries: number;
  pageWalkCache: boolean;
  nestedTlb: boolean;
}

export interface BalloonConfig {
  enabled: boolean;
  driver: BalloonDriverKind;
  targetMiB: number;
  deflateOnOom: boolean;
}

export interface WorkloadConfig {
  kind: WorkloadKind;
  activeMiB: number;
  footprintMiB: number;
  accessesPerSec: number;
  writePercent: number;
  identicalPercent: number;
  periodSeconds: number;
  fileMiB: number;
  growMiBPerSec: number;
}

export interface VmConfig {
  name: string;
  memoryMiB: number;
  minMiB: number;
  shares: number;
  kernelMiB: number;
  guestSwapMiB: number;
  guestDiskLatencyUs: number;
  pageTableLevels: number;
  balloon: BalloonConfig;
  workload: WorkloadConfig;
  /** Per-VM keys of the selected policy (e.g. Hyper-V bufferPercent), validated by its module. */
  policy: Record<string, ParamValue>;
}

export interface PolicyConfig {
  kind: PolicyKind;
  /** Policy-wide parameters, validated against the policy module's table. */
  params: Record<string, ParamValue>;
}

export interface Scenario {
  format: 1;
  /** Preset name this scenario came from, if any (informational). */
  name: string;
  seed: number;
  tickMs: number;
  host: HostConfig;
  policy: PolicyConfig;
  vms: VmConfig[];
}
