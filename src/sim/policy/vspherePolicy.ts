// VMware vSphere 6 (reference §1.8): the ESX scheduler (shares, Mem.IdleTax = 75, sampling with
// Mem.SamplePeriod = 60 s, Mem.BalancePeriod = 15 s) with the Mem.MinFreePct sliding scale and
// five free-memory states (Epping's table): High (>= 400% of minFree; large pages intact),
// Clear (< 100%: large pages broken, TPS), Soft (< 64%: TPS + balloon), Hard (< 32%: TPS +
// compress + swap, ballooning stops), Low (< 16%: compress + swap + block VMs above target).
// Model of large pages: with host.largePages on, guest memory is backed by 2 MiB pages that TPS
// cannot share, so the sharing scanner merges nothing while the host is in High; from Clear
// down it works on 4 KiB pages. (ESXi starts breaking pages below 400% but they wait for the
// next TPS run, up to Mem.ShareScanTime = 60 min later; the model folds that into Clear.)
// Salting (Mem.ShareForceSalting = 2, the default since 2014-2015) confines sharing to each VM.
// Compression happens where the host has it on (host.compression, Mem.MemZipEnable).
import type { PolicyEnv } from './Policy.ts';
import { levelsFromThresholds } from './esx/freeStates.ts';
import type { StateActions } from './esx/memScheduler.ts';
import { minFreePages, VSPHERE_STATE_FRACTIONS } from './esx/minFree.ts';
import { VmwarePolicy, type VmwareStateInfo } from './esx/vmwarePolicy.ts';

const VSPHERE_STATES: readonly { name: keyof typeof VSPHERE_STATE_FRACTIONS; actions: StateActions }[] = [
  { name: 'high', actions: { balloon: 'giveBack', swap: 'none', block: false } },
  { name: 'clear', actions: { balloon: 'giveBack', swap: 'none', block: false } },
  { name: 'soft', actions: { balloon: 'reclaim', swap: 'unballoonable', block: false } },
  { name: 'hard', actions: { balloon: 'hold', swap: 'excess', block: false } },
  { name: 'low', actions: { balloon: 'hold', swap: 'excess', block: true } },
];

export class VspherePolicy extends VmwarePolicy {
  protected readonly product = 'vsphere';
  readonly minFreePages: number;

  constructor(env: PolicyEnv) {
    const p = env.params;
    const minFree = minFreePages(env.hv.frames.frameCount);
    const h = (p.hysteresisPercent as number) / 100;
    const thresholds = VSPHERE_STATES.map((s) => VSPHERE_STATE_FRACTIONS[s.name] * minFree);
    const levels = levelsFromThresholds(
      VSPHERE_STATES.map((s) => s.name),
      thresholds,
      h,
    );
    const infos: VmwareStateInfo[] = VSPHERE_STATES.map((s, i) => ({
      level: levels[i],
      actions: s.actions,
      thresholdPercent: VSPHERE_STATE_FRACTIONS[s.name] * 100,
      thresholdOf: 'minFree',
    }));
    super(
      env,
      infos,
      {
        taxRate: (p.idleTaxPercent as number) / 100,
        samplePeriodMs: (p.samplePeriodSeconds as number) * 1000,
        samplePages: p.samplePages as number,
        // Reclamation aims a margin h past the point where the host rises back to Clear.
        targetFreePages: minFree * (1 + 2 * h),
      },
      (p.balancePeriodSeconds as number) * 1000,
    );
    this.minFreePages = minFree;
    env.sharing.salted = p.salting as boolean;
    this.stateChanged();
  }

  override internals(): Record<string, number> {
    return { minFreePages: Math.round(this.minFreePages), ...super.internals() };
  }

  /** Large pages are broken (sharable) from Clear down: until then the scanner has nothing to merge. */
  protected override stateChanged(): void {
    this.env.sharing.running = !(this.env.scenario.host.largePages && this.states.name === 'high');
  }
}
