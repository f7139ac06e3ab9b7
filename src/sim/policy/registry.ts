// Policy factories by kind. A new policy registers here and in catalog.ts.
import type { PolicyKind } from '../scenario/types.ts';
import { EsxPolicy } from './esxPolicy.ts';
import { ManualPolicy } from './manualPolicy.ts';
import { NonePolicy } from './nonePolicy.ts';
import type { Policy, PolicyEnv } from './Policy.ts';
import { VspherePolicy } from './vspherePolicy.ts';

type PolicyFactory = (env: PolicyEnv) => Policy;

const FACTORIES: Partial<Record<PolicyKind, PolicyFactory>> = {
  manual: (env) => new ManualPolicy(env),
  none: (env) => new NonePolicy(env),
  esx: (env) => new EsxPolicy(env),
  vsphere: (env) => new VspherePolicy(env),
};

export function createPolicy(kind: PolicyKind, env: PolicyEnv): Policy {
  const factory = FACTORIES[kind];
  if (!factory) throw new Error(`policy "${kind}" is not available`);
  return factory(env);
}
