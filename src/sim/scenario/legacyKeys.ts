// Keys older scenario files and links may hold, read into their current place. Free page
// reporting was a kvm-mom policy parameter (`policy.freePageReporting`); it is a feature the
// VM's virtio balloon device offers, so it now lives at `vms[i].balloon.freePageReporting`.
// An old value is applied to every VM that does not set its own, with a warning saying so.

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The scenario with old keys moved to their current place (the input is not modified). */
export function moveLegacyKeys(input: Record<string, unknown>, warnings: string[]): Record<string, unknown> {
  const policy = input.policy;
  if (!isRecord(policy) || !('freePageReporting' in policy)) return input;
  const { freePageReporting: value, ...rest } = policy;
  warnings.push(
    `policy.freePageReporting: moved to vms[i].balloon.freePageReporting (the virtio balloon device offers the feature); applied to every VM that does not set it`,
  );
  const vms = Array.isArray(input.vms)
    ? input.vms.map((vm: unknown) => {
        if (!isRecord(vm)) return vm;
        const balloon = isRecord(vm.balloon) ? vm.balloon : {};
        return 'freePageReporting' in balloon ? vm : { ...vm, balloon: { ...balloon, freePageReporting: value } };
      })
    : input.vms;
  return { ...input, policy: rest, vms };
}
