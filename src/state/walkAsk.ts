// Where the walk slice sends its questions: the controller plugs in the current client's
// SimRequests (the worker's request/reply channel); until then (and in tests) whatever was set,
// or nothing, and the walk waits.
import type { WalkExploration } from '../sim/walk/index.ts';
import type { WalkRequest } from '../worker/protocol.ts';

type Ask = (request: WalkRequest) => Promise<WalkExploration>;
let ask: Ask | null = null;

export function setWalkAsk(next: Ask | null): void {
  ask = next;
}

/** The worker's answer, or null when no simulation is connected. */
export const askWalk = (request: WalkRequest): Promise<WalkExploration> | null => (ask ? ask(request) : null);
