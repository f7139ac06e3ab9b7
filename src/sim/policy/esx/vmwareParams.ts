// Parameter tables of the two VMware policies (specs only, so scenario validation needs no model
// code). Defaults cite their source; the hysteresis margin is a modelling choice (reference §6.2.5).
import { flag, num, type SpecTable } from '../../scenario/paramSpec.ts';

const idleTaxPercent = num(
  'Idle memory tax',
  '%',
  0,
  99,
  75,
  'Tax rate tau on idle pages: an idle page costs k = 1/(1-tau) active pages (W02 §5.2; Mem.IdleTax = 75, so k = 4). 0 = pure shares.',
);
const hysteresisPercent = num(
  'State hysteresis',
  '%',
  0,
  100,
  10,
  "The host rises to a higher free-memory state only when free memory exceeds that state's threshold by this margin. VMware publishes no value (modelling choice).",
);
const balancePeriodSeconds = num(
  'Balance period',
  's',
  1,
  600,
  15,
  'How often targets are recomputed from the idle estimates, besides every state change (Mem.BalancePeriod = 15 s).',
);
const samplePages = num(
  'Sampled pages',
  'pages',
  10,
  1000,
  100,
  'Random guest-physical pages whose accessed bits are cleared and checked each sample period (W02 §5.3: n = 100).',
  { step: 10 },
);

export const ESX_PARAMS = {
  idleTaxPercent,
  samplePeriodSeconds: num(
    'Sample period',
    's',
    5,
    600,
    30,
    'Length of one working-set sample period, in VM execution time (W02 §5.3: 30 s).',
  ),
  samplePages,
  balancePeriodSeconds,
  hysteresisPercent,
} as const satisfies SpecTable;

export const VSPHERE_PARAMS = {
  idleTaxPercent,
  samplePeriodSeconds: num(
    'Sample period',
    's',
    5,
    600,
    60,
    'Length of one working-set sample period, in VM execution time (Mem.SamplePeriod = 60 s).',
  ),
  samplePages,
  balancePeriodSeconds,
  hysteresisPercent,
  salting: flag(
    'TPS salting',
    true,
    'Mem.ShareForceSalting = 2 (vSphere 6+ default): each VM has its own salt, so pages are shared only within a VM, never across VMs.',
  ),
} as const satisfies SpecTable;
