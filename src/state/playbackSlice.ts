// Store slice: playback. The worker owns the clock; the store mirrors its status (playing,
// speed, simulated time, the range the timeline can seek in, the state hash when paused) and
// its actions send the commands. Speeds are the named multipliers the speed control offers.
import type { StateCreator } from 'zustand';
import { type PlaybackStatus } from '../worker/protocol.ts';
import { sendCommand } from './commandSink.ts';
import { changesInFlight, dueCount, effectiveAt } from './scenarioSlice.ts';
import type { SimStore } from './store.ts';
import { MAX_SPEED, MIN_SPEED } from '../run/speed.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64] as const;

export interface PlaybackSlice {
  playing: boolean;
  runFast: boolean;
  speed: number;
  timeMs: number;
  ticks: number;
  /** Simulated times the timeline spans: [0, furthest computed]. */
  rangeMs: [number, number];
  keyframes: number;
  seekingToMs: number | null;
  /** stateHashHex of the model when paused (null while running). */
  hash: string | null;
  play(): void;
  pause(): void;
  togglePlay(): void;
  step(ticks?: number): void;
  stepBack(ticks?: number): void;
  seek(timeMs: number): void;
  setSpeed(speed: number): void;
  /** Runs fast (a few frames a second), or stops a fast run. */
  toggleRunFast(): void;
  reset(): void;
  receiveStatus(status: PlaybackStatus): void;
}

export const createPlaybackSlice: StateCreator<SimStore, [], [], PlaybackSlice> = (set, get) => ({
  playing: false,
  runFast: false,
  speed: 1,
  timeMs: 0,
  ticks: 0,
  rangeMs: [0, 0],
  keyframes: 0,
  seekingToMs: null,
  hash: null,
  play: () => sendCommand({ type: 'play' }),
  pause: () => sendCommand({ type: 'pause' }),
  togglePlay: () => (get().playing ? get().pause() : get().play()),
  step: (ticks = 1) => sendCommand({ type: 'step', ticks }),
  stepBack: (ticks = 1) => sendCommand({ type: 'stepBack', ticks }),
  seek: (timeMs) => sendCommand({ type: 'seek', timeMs }),
  setSpeed(speed) {
    const s = Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
    set({ speed: s });
    sendCommand({ type: 'speed', speed: s });
  },
  toggleRunFast: () => (get().runFast ? get().pause() : sendCommand({ type: 'runFast' })),
  reset: () => sendCommand({ type: 'reset' }),

  receiveStatus(status) {
    const { effectiveDue, scenario } = get();
    set({
      playing: status.playing,
      runFast: status.runFast,
      speed: status.speed,
      timeMs: status.timeMs,
      ticks: status.ticks,
      rangeMs: status.rangeMs,
      keyframes: status.keyframes,
      seekingToMs: status.seekingToMs,
      hash: status.hash,
    });
    if (scenario.schedule.length > 0 && !changesInFlight() && dueCount(scenario, status.ticks) !== effectiveDue)
      set(effectiveAt(scenario, status.ticks));
  },
});
