// Posts the playback status: at once when something the controls show changes (playing, speed,
// range, ...), at most every STATUS_INTERVAL_MS while only the time moves, and, once the run has
// been idle for HASH_DELAY_MS, again with the state hash (an O(memory) walk, so not while running).
import { stateHashHex } from '../sim/stateHash.ts';
import type { PlaybackStatus, PostEvent } from './protocol.ts';
import type { SimCore } from '../run/SimCore.ts';

export const STATUS_INTERVAL_MS = 250;
export const HASH_DELAY_MS = 120;

export interface RunFlags {
  playing: boolean;
  runFast: boolean;
  speed: number;
  seekingToTick: number | null;
  idle: boolean;
}

export class StatusReporter {
  private last: PlaybackStatus | null = null;
  private lastSentMs = -Infinity;
  private hashGeneration = 0;
  private hashed: { version: number; hash: string } | null = null;
  private readonly post: PostEvent;
  private readonly clock: { now(): number; later(fn: () => void, ms: number): void };

  constructor(post: PostEvent, clock: { now(): number; later(fn: () => void, ms: number): void }) {
    this.post = post;
    this.clock = clock;
  }

  report(core: SimCore, flags: RunFlags): void {
    const tickMs = core.scenario.tickMs;
    const status: PlaybackStatus = {
      playing: flags.playing,
      runFast: flags.runFast,
      speed: flags.speed,
      timeMs: core.sim.timeMs,
      ticks: core.ticks,
      tickMs,
      rangeMs: [0, core.headTick * tickMs],
      keyframes: core.keyframes.count,
      seekingToMs: flags.seekingToTick === null ? null : flags.seekingToTick * tickMs,
      hash: flags.idle && this.hashed?.version === core.version ? this.hashed.hash : null,
    };
    const prev = this.last;
    const still = !flags.playing && flags.seekingToTick === null;
    const shapeChanged =
      !prev ||
      (['playing', 'runFast', 'speed', 'tickMs', 'keyframes', 'seekingToMs'] as const).some((k) => status[k] !== prev[k]) ||
      (still && (status.ticks !== prev.ticks || status.rangeMs[1] !== prev.rangeMs[1]));
    const now = this.clock.now();
    if (shapeChanged || now - this.lastSentMs >= STATUS_INTERVAL_MS || (flags.idle && status.hash !== this.last?.hash))
      this.send(status, now);
    if (flags.idle && status.hash === null) this.scheduleHash(core);
    else if (!flags.idle) this.hashGeneration++;
  }

  private send(status: PlaybackStatus, now: number): void {
    this.last = status;
    this.lastSentMs = now;
    this.post({ type: 'status', status });
  }

  private scheduleHash(core: SimCore): void {
    const generation = ++this.hashGeneration;
    const version = core.version;
    this.clock.later(() => {
      if (generation !== this.hashGeneration || core.version !== version || !this.last) return;
      this.hashed = { version, hash: stateHashHex(core.sim) };
      this.send({ ...this.last, hash: this.hashed.hash }, this.clock.now());
    }, HASH_DELAY_MS);
  }
}
