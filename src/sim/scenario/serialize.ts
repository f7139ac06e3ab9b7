// Turns a validated Scenario back into the public JSON format (policy parameters and per-VM
// policy keys flattened into their objects, the schedule only when it has entries), so export,
// the URL codec and the CLI agree.
import { cloneEntry } from './schedule.ts';
import type { Scenario } from './types.ts';

export function scenarioToJson(s: Scenario): Record<string, unknown> {
  return {
    format: s.format,
    name: s.name,
    seed: s.seed,
    tickMs: s.tickMs,
    host: { ...s.host },
    policy: { kind: s.policy.kind, ...s.policy.params },
    vms: s.vms.map(({ policy, balloon, workload, ...rest }) => ({
      ...rest,
      ...policy,
      balloon: { ...balloon },
      workload: { ...workload },
    })),
    ...(s.schedule.length > 0 ? { schedule: s.schedule.map(cloneEntry) } : {}),
  };
}
