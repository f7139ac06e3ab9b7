// Determinism between the worker and the in-thread client: the same commands give the same
// state hash, equal to the hash of the model run directly; and a worker that dies becomes one
// fatal error event.
import '@vitest/web-worker';
import { afterEach, describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/Simulation.ts';
import { stateHashHex } from '../../src/sim/stateHash.ts';
import { InThreadClient, WorkerClient, type SimClient } from '../../src/worker/client.ts';
import type { Command, WorkerEvent } from '../../src/worker/protocol.ts';
import { EventLog, hashAt, presetScenario } from './helpers.ts';

const clients: SimClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.terminate()));

const scenario = presetScenario('identical-vms');
const script: Command[] = [
  { type: 'load', scenario },
  { type: 'step', ticks: 37 },
  { type: 'setParams', changes: [{ path: 'vms.1.workload.accessesPerSec', value: 5000 }] },
  { type: 'step', ticks: 60 },
  { type: 'stepBack', ticks: 13 },
  { type: 'seek', timeMs: 11000 },
];

async function finalHash(client: SimClient): Promise<string> {
  clients.push(client);
  const log = new EventLog(client);
  const done = hashAt(log, 11000);
  for (const c of script) client.send(c);
  return (await done).status.hash!;
}

describe('determinism', () => {
  it('the worker and the in-thread client reach the same state as the model run directly', async () => {
    const worker = await finalHash(
      new WorkerClient(new Worker(new URL('../../src/worker/sim.worker.ts', import.meta.url), { type: 'module' })),
    );
    const inThread = await finalHash(new InThreadClient());
    const s = new Simulation(structuredClone(scenario));
    for (let i = 0; i < 37; i++) s.step();
    s.scenario.vms[1].workload.accessesPerSec = 5000;
    for (let i = 37; i < 110; i++) s.step();
    expect(worker).toBe(inThread);
    expect(worker).toBe(stateHashHex(s));
  });

  it('a worker that dies becomes a fatal error event', async () => {
    const client = new WorkerClient(new Worker(new URL('./fixtures/failing.worker.ts', import.meta.url), { type: 'module' }));
    clients.push(client);
    const log = new EventLog(client);
    const err = await log.next<Extract<WorkerEvent, { type: 'error' }>>((e) => e.type === 'error');
    expect(err.fatal).toBe(true);
    expect(err.message).toMatch(/out of memory|worker/);
  });
});
