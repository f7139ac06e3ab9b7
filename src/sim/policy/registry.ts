// Policy factories by kind. A new policy registers here and in catalog.ts.
import type { PolicyKind } from '../scenario/types.ts';
import { EsxPolicy } from './esxPolicy.ts';
import { HypervPolicy } from './hypervPolicy.ts';
import { ManualPolicy } from './manualPolicy.ts';
import { MomPolicy } from './momPolicy.ts';
import { NonePolicy } from './nonePolicy.ts';
import type { Policy, PolicyEnv } from './Policy.ts';
import { VspherePolicy } from './vspherePolicy.ts';
import { XenSqueezedPolicy } from './xenPolicy.ts';

type PolicyFactory = (env: PolicyEnv) => Policy;

const FACTORIES: Partial<Record<PolicyKind, PolicyFactory>> = {
  manual: (env) => new ManualPolicy(env),
  none: (env) => new NonePolicy(env),
  'kvm-mom': (env) => new MomPolicy(env),
  xen: (env) => new XenSqueezedPolicy(env),
  hyperv: (env) => new HypervPolicy(env),
  esx: (env) => new EsxPolicy(env),
  vsphere: (env) => new VspherePolicy(env),
};

export function createPolicy(kind: PolicyKind, env: PolicyEnv): Policy {
  const factory = FACTORIES[kind];
  if (!factory) throw new Error(`policy "${kind}" is not available`);
  return factory(env);
}
