// VMware ESX Server as in Waldspurger, "Memory Resource Management in VMware ESX Server"
// (OSDI 2002; reference §1): targets from shares, min and max by min-funding revocation with
// the idle memory tax, active memory estimated by sampling EPT accessed bits, and four
// free-memory states with hysteresis (W02 §6.3): high 6%, soft 4%, hard 2%, low 1% of host
// memory. High: no reclamation. Soft: balloon (swap only what ballooning cannot take). Hard:
// host swapping to per-VM targets, ballooning continues. Low: keep swapping and block every VM
// above its target. In every state targets aim free memory above the high threshold. Page
// sharing runs in the background whenever the host has it on.
import type { PolicyEnv } from './Policy.ts';
import { levelsFromThresholds } from './esx/freeStates.ts';
import type { StateActions } from './esx/memScheduler.ts';
import { VmwarePolicy, type VmwareStateInfo } from './esx/vmwarePolicy.ts';

/** Free-memory thresholds as fractions of host memory (W02 §6.3). */
export const ESX_THRESHOLDS = { high: 0.06, soft: 0.04, hard: 0.02, low: 0.01 } as const;

const ESX_STATES: readonly { name: keyof typeof ESX_THRESHOLDS; actions: StateActions }[] = [
  { name: 'high', actions: { balloon: 'giveBack', swap: 'none', block: false } },
  { name: 'soft', actions: { balloon: 'reclaim', swap: 'unballoonable', block: false } },
  { name: 'hard', actions: { balloon: 'reclaim', swap: 'excess', block: false } },
  { name: 'low', actions: { balloon: 'reclaim', swap: 'excess', block: true } },
];

export class EsxPolicy extends VmwarePolicy {
  protected readonly product = 'esx';

  constructor(env: PolicyEnv) {
    const p = env.params;
    const hostPages = env.hv.frames.frameCount;
    const h = (p.hysteresisPercent as number) / 100;
    const thresholds = ESX_STATES.map((s) => ESX_THRESHOLDS[s.name] * hostPages);
    const levels = levelsFromThresholds(
      ESX_STATES.map((s) => s.name),
      thresholds,
      h,
    );
    const infos: VmwareStateInfo[] = ESX_STATES.map((s, i) => ({
      level: levels[i],
      actions: s.actions,
      thresholdPercent: ESX_THRESHOLDS[s.name] * 100,
      thresholdOf: 'host memory',
    }));
    super(
      env,
      infos,
      {
        taxRate: (p.idleTaxPercent as number) / 100,
        samplePeriodMs: (p.samplePeriodSeconds as number) * 1000,
        samplePages: p.samplePages as number,
        // Aim a margin h past the point where the host rises back to High (high * (1 + h)).
        targetFreePages: thresholds[0] * (1 + 2 * h),
      },
      (p.balancePeriodSeconds as number) * 1000,
    );
  }
}
