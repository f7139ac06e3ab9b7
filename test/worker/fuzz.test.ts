// Seeded command fuzz (fast-check): any sequence of steps, steps back, seeks, live changes,
// restarts and resets leaves the worker core with no error and in exactly the state its
// published history (start scenario with its schedule) and tick determine, the state a link reopens.
import fc from 'fast-check';
import { properties } from '../helpers/properties.ts';
import { describe, expect, it } from 'vitest';
import { stateHashHex } from '../../src/sim/stateHash.ts';
import { CoreHost } from '../../src/worker/CoreHost.ts';
import type { Command, WorkerEvent } from '../../src/worker/protocol.ts';
import { SimCore } from '../../src/run/SimCore.ts';
import { presetScenario } from './helpers.ts';

const base = presetScenario('balloon-by-hand');
base.host.memoryMiB = 512;
base.vms = base.vms.map((vm) => ({
  ...vm,
  memoryMiB: 192,
  kernelMiB: 16,
  workload: { ...vm.workload, activeMiB: 32, footprintMiB: 96, fileMiB: 64 },
  balloon: { ...vm.balloon, targetMiB: 0 },
}));

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((ticks) => ({ type: 'step' as const, ticks })),
  fc.integer({ min: 1, max: 40 }).map((ticks) => ({ type: 'stepBack' as const, ticks })),
  fc.integer({ min: 0, max: 9000 }).map((timeMs) => ({ type: 'seek' as const, timeMs })),
  fc
    .record({ vm: fc.integer({ min: 0, max: 2 }), value: fc.integer({ min: 0, max: 300 }) })
    .map(({ vm, value }) => ({ type: 'setParams' as const, changes: [{ path: `vms.${vm}.balloon.targetMiB`, value }] })),
  fc
    .integer({ min: 0, max: 5000 })
    .map((value) => ({ type: 'setParams' as const, changes: [{ path: 'vms.1.workload.accessesPerSec', value }] })),
  fc
    .record({
      vm: fc.integer({ min: 0, max: 2 }),
      key: fc.constantFrom('footprintMiB', 'fileMiB'),
      value: fc.integer({ min: 0, max: 300 }),
    })
    .map(({ vm, key, value }) => ({ type: 'setParams' as const, changes: [{ path: `vms.${vm}.workload.${key}`, value }] })),
  fc.integer({ min: 1, max: 9 }).map((seed) => ({ type: 'setParams' as const, changes: [{ path: 'seed', value: seed }] })),
  fc.constant({ type: 'reset' as const }),
);

describe('command fuzz', () => {
  it('any command sequence ends in the state its history and tick determine', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 14 }), (commands) => {
        const events: WorkerEvent[] = [];
        const timers: (() => void)[] = [];
        let now = 0;
        const host = new CoreHost((e) => events.push(e), { now: () => now, later: (fn) => void timers.push(fn) });
        const run = (c: Command) => {
          host.handle(c);
          while (timers.length > 0) {
            now += 50;
            timers.shift()!();
          }
        };
        run({ type: 'load', scenario: base });
        commands.forEach(run);
        run({ type: 'hash', id: 1 });
        expect(events.filter((e) => e.type === 'error')).toEqual([]);
        const history = events.filter((e): e is Extract<WorkerEvent, { type: 'history' }> => e.type === 'history').at(-1)!.history;
        const status = events.filter((e) => e.type === 'status').at(-1)!;
        const reply = events.find((e) => e.type === 'reply')!;
        const again = new SimCore(history.scenario);
        again.seekTick(status.type === 'status' ? status.status.ticks : 0);
        expect(reply).toEqual({ type: 'reply', id: 1, ok: true, result: stateHashHex(again.sim) });
      }),
      properties(25, 20261126),
    );
  });
});
