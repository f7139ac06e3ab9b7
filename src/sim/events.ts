// The simulation's event log: what happened, as data (kind, VM, amounts in pages, reason),
// stamped with simulated time. The model never writes sentences: src/views/explain/eventWords.ts
// turns events into words for the "what just happened" panel and the live region, and the CLI
// writes them as they are. Bounded: the oldest entries are dropped past MAX_EVENTS.
import type { BalloonActivity } from './balloon/BalloonDriver.ts';
import type { MomDecision } from './policy/momRules.ts';

/** Which part of the system an event is about (the panel's filter). */
export type SimEventKind = 'policy' | 'balloon' | 'guest' | 'host' | 'sharing';

/** The VMware policies' products, as their events name them. */
export type VmwareProduct = 'esx' | 'vsphere';

/** What a VMware free-memory state's threshold is a share of. */
export type ThresholdBase = 'host memory' | 'minFree';

/** An event's facts. Sizes are pages (4 KiB); `vm` is a VM index. */
export type SimEventData =
  // Mechanisms (eventDetector.ts).
  | { type: 'oom-kill'; vm: number; process: string; restartAfterMs: number }
  | { type: 'balloon-stalled'; vm: number; activity: BalloonActivity; retryAfterMs: number; actualPages: number; targetPages: number }
  | { type: 'balloon-inflated'; vm: number; balloonPages: number; changePages: number }
  | { type: 'balloon-deflated'; vm: number; balloonPages: number; changePages: number }
  | { type: 'balloon-target'; vm: number; targetPages: number }
  | { type: 'guest-swapped'; vm: number; changePages: number; swapPages: number }
  | { type: 'host-swap-started'; freePages: number }
  | { type: 'host-swap-stopped'; quietMs: number }
  | { type: 'host-swapped'; changePages: number; swapPages: number }
  | { type: 'double-paging' }
  | { type: 'host-state'; from: string; to: string; freePages: number }
  // VMware ESX and vSphere (policy/esx/vmwarePolicy.ts).
  | {
      type: 'vmware-state';
      product: VmwareProduct;
      state: string;
      direction: 'down' | 'up';
      freePages: number;
      thresholdPercent: number;
      thresholdOf: ThresholdBase;
      raised: { vm: number; targetPages: number } | null;
    }
  | {
      type: 'vmware-target';
      product: VmwareProduct;
      vm: number;
      targetPages: number;
      raised: boolean;
      entitlementPages: number;
      activeEstimatePages: number;
    }
  | {
      type: 'vmware-blocked';
      product: VmwareProduct;
      vm: number;
      blocked: boolean;
      targetPages: number;
      thresholdPercent: number;
      thresholdOf: ThresholdBase;
    }
  // oVirt MOM (policy/momPolicy.ts).
  | {
      type: 'mom-balloon';
      vm: number;
      rule: MomDecision['rule'];
      /** The memory the guest should have (MOM's balloon_target). */ guestMemoryPages: number;
      hostFreePercent: number;
      /** Host free below 20%: a grow then means ballooning is off. */ underPressure: boolean;
    }
  | { type: 'mom-ksm'; running: boolean }
  // Xen squeezed (policy/xenPolicy.ts).
  | { type: 'squeezed-stuck'; vm: number; actualPages: number; noProgressMs: number }
  | { type: 'squeezed-result'; result: string };

export type SimEventType = SimEventData['type'];

/** The part of the system each event type is about. */
export const EVENT_KIND: Readonly<Record<SimEventType, SimEventKind>> = {
  'oom-kill': 'guest',
  'balloon-stalled': 'balloon',
  'balloon-inflated': 'balloon',
  'balloon-deflated': 'balloon',
  'balloon-target': 'policy',
  'guest-swapped': 'guest',
  'host-swap-started': 'host',
  'host-swap-stopped': 'host',
  'host-swapped': 'host',
  'double-paging': 'host',
  'host-state': 'policy',
  'vmware-state': 'policy',
  'vmware-target': 'policy',
  'vmware-blocked': 'policy',
  'mom-balloon': 'policy',
  'mom-ksm': 'sharing',
  'squeezed-stuck': 'policy',
  'squeezed-result': 'policy',
};

export type SimEvent = SimEventData & {
  /** Sequence number, increasing from 1; lets a reader ask for "events after N". */
  seq: number;
  timeMs: number;
};

/** The VM an event is about, or -1 for the host. */
export const eventVm = (e: SimEventData): number => ('vm' in e ? e.vm : -1);

export const MAX_EVENTS = 500;

export class EventLog {
  readonly entries: SimEvent[] = [];
  private seq = 0;
  /** Simulated time stamped on new events (set by the simulation each tick). */
  nowMs = 0;

  emit(data: SimEventData): void {
    this.entries.push({ ...data, seq: ++this.seq, timeMs: this.nowMs });
    if (this.entries.length > MAX_EVENTS) this.entries.splice(0, this.entries.length - MAX_EVENTS);
  }

  /** Events with seq > after. */
  since(after: number): SimEvent[] {
    const i = this.entries.findIndex((e) => e.seq > after);
    return i < 0 ? [] : this.entries.slice(i);
  }

  get lastSeq(): number {
    return this.seq;
  }
}
