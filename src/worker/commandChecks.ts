// Checks of command arguments, which come from another thread and are not trusted: a bad
// argument is a CommandError (reported, the run goes on), never a failure of the model.
import { scenarioToJson } from '../sim/scenario/serialize.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { validateScenario } from '../sim/scenario/validate.ts';

/** A mistake in a command, as opposed to a failure of the model. */
export class CommandError extends Error {
  readonly rejected: 'load' | 'setParams' | undefined;
  constructor(message: string, rejected?: 'load' | 'setParams') {
    super(message);
    this.rejected = rejected;
  }
}

/** The scenario of a `load` with its schedule, validated strictly. */
export function checkLoad(scenario: unknown): { scenario: Scenario } {
  let json: Record<string, unknown>;
  try {
    json = scenarioToJson(scenario as Scenario);
  } catch {
    throw new CommandError('This scenario is not valid: it is not a scenario object', 'load');
  }
  const checked = validateScenario(json, 'strict');
  if (!checked.ok) throw new CommandError(`This scenario is not valid: ${checked.errors.join('; ')}`, 'load');
  return { scenario: checked.scenario };
}

/** A tick count from a command: a whole number from 1 to 100000, else 1. */
export const tickCount = (n: unknown): number => (Number.isInteger(n) && (n as number) > 0 ? Math.min(n as number, 100_000) : 1);

/** A guest-virtual address from hex ("0x7f00_0000_1000") or decimal text. */
export function parseAddress(text: unknown): bigint {
  const t = String(text).trim().replace(/_/g, '');
  if (!/^(0x[0-9a-f]{1,16}|\d{1,20})$/i.test(t))
    throw new CommandError(`"${String(text).slice(0, 40)}" is not an address (hex 0x... or decimal)`);
  return BigInt(t);
}
