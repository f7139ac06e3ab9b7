// The message protocol between the UI and the simulation worker (docs/snapshot-protocol.md).
// Commands go UI -> worker, events worker -> UI. Every message is a plain object with a `type`;
// frames carry their map arrays in ArrayBuffers that are transferred, and the UI hands them
// back with `release`; the UI asks for each next frame with `next` (at most one frame is in
// flight, so the worker never sends more than the UI draws: one per animation frame).
import type { ParamChange } from '../sim/scenario/paramPath.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import type { InspectTarget } from '../snapshot/inspect.ts';
import type { Frame, MapId, MapWindow } from '../snapshot/types.ts';
import type { RunHistory } from '../run/history.ts';
import type { WalkRequest } from './walkChecks.ts';

export const PROTOCOL_VERSION = 4;

export type { WalkRequest };

export type Command =
  | { type: 'load'; scenario: Scenario; timeMs?: number; seq?: number }
  | { type: 'setParams'; changes: ParamChange[]; seq?: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; ticks?: number }
  | { type: 'stepBack'; ticks?: number }
  | { type: 'seek'; timeMs: number }
  | { type: 'speed'; speed: number }
  | { type: 'runFast' }
  | { type: 'reset' }
  | { type: 'setWindows'; windows: Partial<Record<MapId, MapWindow | null>> }
  | { type: 'release'; buffers: ArrayBuffer[] }
  | { type: 'next' }
  | { type: 'inspect'; id: number; target: InspectTarget }
  | { type: 'walk'; id: number; request: WalkRequest }
  | { type: 'hash'; id: number };

/** The playback state, sent whenever it changes (and a few times a second while running fast). */
export interface PlaybackStatus {
  playing: boolean;
  runFast: boolean;
  speed: number;
  timeMs: number;
  ticks: number;
  tickMs: number;
  /** Simulated times the timeline can seek to without recomputing from the start: [0, furthest computed]. */
  rangeMs: [number, number];
  /** Keyframes kept (a count); going back restores the latest at or before the target and replays. */
  keyframes: number;
  /** While a seek computes forward: the target time, ms; otherwise null. */
  seekingToMs: number | null;
  /** stateHashHex of the model when paused and idle; null while it changes. */
  hash: string | null;
}

export type Reply = { type: 'reply'; id: number; ok: true; result: unknown } | { type: 'reply'; id: number; ok: false; error: string };

export type WorkerEvent =
  | { type: 'ready'; protocolVersion: number }
  | { type: 'frame'; frame: Frame }
  | { type: 'status'; status: PlaybackStatus }
  /** `seq`: that of the latest `load` or `setParams` handled (0 until one carried it), so the UI
   * can tell the answer to its latest change from the answer to an earlier one. */
  | { type: 'history'; history: RunHistory; seq: number }
  | { type: 'notice'; text: string; details: string[] }
  | Reply
  | { type: 'error'; message: string; detail: string; fatal: boolean; rejected?: 'load' | 'setParams' };

/** Sends an event with the buffers to transfer. */
export type PostEvent = (event: WorkerEvent, transfer?: Transferable[]) => void;
