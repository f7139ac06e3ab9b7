// The worker's command loop: receives protocol commands, drives the SimCore with the Pacer,
// and posts frames (at most one in flight: the UI's `next` asks for the next), playback
// status, the run history (for the link), replies and errors. Runs unchanged inside the Web
// Worker and in the UI thread (the in-thread client). A model exception is fatal: it is
// reported with its stack and the run stops until the next `load`.
import { stateHashHex } from '../sim/stateHash.ts';
import { exploreWalk, resolvePick } from '../sim/walk/index.ts';
import { checkLoad, CommandError, tickCount } from './commandChecks.ts';
import { FrameBuilder } from './FrameBuilder.ts';
import { inspectPage } from '../snapshot/inspect.ts';
import { Pacer } from './Pacer.ts';
import { PROTOCOL_VERSION, type Command, type PostEvent } from './protocol.ts';
import { SimCore } from '../run/SimCore.ts';
import { StatusReporter } from './StatusReporter.ts';
import { checkWalkRequest } from './walkChecks.ts';
import { clampSpeed } from '../run/speed.ts';
import { outOfMemoryMessage } from './outOfMemory.ts';

/** Wall time one loop turn may compute, ms: playing, and running fast or seeking. */
const PLAY_SLICE_MS = 12;
const FAST_SLICE_MS = 40;
/** Wall time between loop turns while running, ms. */
const LOOP_MS = 4;
/** While running fast, a frame at most this often, ms of wall time: the picture keeps moving
 * (4 frames a second) while nearly all the time goes to computing ticks. */
export const RUN_FAST_FRAME_MS = 250;
/** Longest run a seek may ask for, simulated ms (24 h). */
export const MAX_SEEK_MS = 86_400_000;

export interface HostClock {
  now(): number;
  later(fn: () => void, ms: number): void;
}

export class CoreHost {
  private core: SimCore | null = null;
  private readonly frames = new FrameBuilder();
  private readonly pacer = new Pacer();
  private readonly status: StatusReporter;
  private playing = false;
  private runFast = false;
  /** Wall time of the last frame sent while running fast, ms. */
  private fastFrameMs = -Infinity;
  private seekTick: number | null = null;
  private credit = 1;
  private dirty = true;
  private looping = false;
  private dead = false;
  /** The `seq` of the latest load or setParams handled, echoed in each history. */
  private answeredSeq = 0;
  private readonly post: PostEvent;
  private readonly clock: HostClock;

  constructor(post: PostEvent, clock: HostClock) {
    this.post = post;
    this.clock = clock;
    this.status = new StatusReporter(post, clock);
    post({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
  }

  handle(cmd: Command): void {
    try {
      if (this.dead && cmd.type !== 'load' && cmd.type !== 'release' && cmd.type !== 'next')
        throw new Error('the simulation stopped after an error; load a scenario to restart');
      this.dispatch(cmd);
    } catch (e) {
      const fatal = !(e instanceof CommandError);
      const rejected = e instanceof CommandError ? e.rejected : undefined;
      if (fatal) {
        this.stop();
        this.dead = true;
      }
      this.post({ type: 'error', message: (e as Error).message ?? String(e), detail: (e as Error).stack ?? '', fatal, rejected });
    }
    this.afterChange();
  }

  private dispatch(cmd: Command): void {
    if (cmd.type === 'load' || cmd.type === 'setParams') this.answeredSeq = cmd.seq ?? this.answeredSeq;
    switch (cmd.type) {
      case 'load':
        return this.load(cmd.scenario, cmd.timeMs ?? 0);
      case 'release':
        this.frames.release(cmd.buffers ?? []);
        return;
      case 'next':
        this.credit = 1;
        return;
      case 'setWindows':
        for (const [id, w] of Object.entries(cmd.windows ?? {})) this.frames.setWindow(id as 'host', w ?? null);
        this.dirty = true;
        return;
      case 'inspect':
        return this.reply(cmd.id, () => inspectPage(this.run().sim, cmd.target));
      case 'walk':
        return this.reply(cmd.id, () => {
          const sim = this.run().sim;
          const { pick, whatIf } = checkWalkRequest(sim, cmd.request);
          return exploreWalk(sim, resolvePick(sim, pick), whatIf);
        });
      case 'hash':
        return this.reply(cmd.id, () => stateHashHex(this.run().sim));
      case 'speed':
        this.pacer.speed = clampSpeed(cmd.speed);
        return;
      default:
        return this.control(cmd);
    }
  }

  private control(cmd: Command): void {
    const core = this.run();
    const tickMs = core.scenario.tickMs;
    switch (cmd.type) {
      case 'play':
        this.playing = true;
        this.runFast = false;
        this.pacer.start(this.clock.now());
        break;
      case 'pause':
        this.stop();
        break;
      case 'runFast':
        this.playing = true;
        this.runFast = true;
        break;
      case 'step':
        this.stop();
        core.step(tickCount(cmd.ticks));
        break;
      case 'stepBack':
        this.stop();
        this.jump(core.ticks - tickCount(cmd.ticks));
        break;
      case 'seek':
        if (!Number.isFinite(cmd.timeMs)) throw new CommandError(`seek: ${cmd.timeMs} is not a time`);
        this.stop();
        this.jump(Math.round(Math.min(MAX_SEEK_MS, Math.max(0, cmd.timeMs)) / tickMs));
        break;
      case 'reset':
        this.stop();
        this.jump(0);
        break;
      case 'setParams': {
        let outcome;
        try {
          outcome = core.change(cmd.changes);
        } catch (e) {
          this.postHistory(core);
          throw new CommandError(`That change was not applied: ${(e as Error).message}`, 'setParams');
        }
        if (outcome.restarted) this.replaced();
        // Playing: the change shows from the next tick; run that tick now rather than in its slot.
        else if (this.playing && !this.runFast && this.seekTick === null) {
          // No frame for the change itself: the pulled tick runs on the next loop turn (LOOP_MS)
          // and its frame is the first that shows the change.
          this.pacer.pullForward(tickMs);
          if (outcome.corrections.length > 0)
            this.post({ type: 'notice', text: 'Some values were corrected', details: outcome.corrections });
          this.postHistory(core);
          return;
        }
        if (outcome.corrections.length > 0) this.post({ type: 'notice', text: 'Some values were corrected', details: outcome.corrections });
        this.postHistory(core);
        break;
      }
      default:
        throw new CommandError(`unknown command ${JSON.stringify((cmd as { type?: unknown }).type)}`);
    }
    this.dirty = true;
  }

  private load(scenarioIn: unknown, timeMs: number): void {
    const checked = checkLoad(scenarioIn);
    let core: SimCore;
    try {
      core = new SimCore(checked.scenario);
    } catch (e) {
      throw new CommandError(outOfMemoryMessage(checked.scenario, e) ?? `This scenario cannot run: ${(e as Error).message}`, 'load');
    }
    this.stop();
    this.dead = false;
    this.core = core;
    this.replaced();
    this.postHistory(this.core);
    if (Number.isFinite(timeMs) && timeMs > 0) this.jump(Math.round(Math.min(MAX_SEEK_MS, timeMs) / checked.scenario.tickMs));
    this.dirty = true;
  }

  /** Goes to a tick: back at once (keyframe + replay), forward in slices (seeking). */
  private jump(tick: number): void {
    const core = this.run();
    const target = Math.max(0, tick);
    if (target > core.ticks) {
      this.seekTick = target;
      return;
    }
    core.seekTick(target);
    this.replaced();
  }

  private postHistory(core: SimCore): void {
    this.post({ type: 'history', history: core.history, seq: this.answeredSeq });
  }

  private replaced(): void {
    this.frames.resync(this.run().sim);
  }

  private stop(): void {
    this.playing = false;
    this.runFast = false;
    this.seekTick = null;
  }

  private run(): SimCore {
    if (!this.core) throw new CommandError('no scenario loaded yet');
    return this.core;
  }

  private reply(id: number, f: () => unknown): void {
    try {
      this.post({ type: 'reply', id, ok: true, result: f() });
    } catch (e) {
      this.post({ type: 'reply', id, ok: false, error: (e as Error).message });
    }
  }

  /** After every command and loop turn: send what changed, keep the loop going if running. */
  private afterChange(): void {
    if (!this.core) return;
    const busy = this.playing || this.seekTick !== null;
    const frameDue = !this.runFast || this.clock.now() - this.fastFrameMs >= RUN_FAST_FRAME_MS;
    if (this.dirty && this.credit > 0 && this.seekTick === null && frameDue) {
      this.sendFrame();
      if (this.runFast) this.fastFrameMs = this.clock.now();
    }
    this.status.report(this.core, {
      playing: this.playing,
      runFast: this.runFast,
      speed: this.pacer.speed,
      seekingToTick: this.seekTick,
      idle: !busy && !this.dead,
    });
    if (busy && !this.looping) {
      this.looping = true;
      this.clock.later(() => this.turn(), LOOP_MS);
    }
  }

  private sendFrame(): void {
    const { frame, transfer } = this.frames.build(this.run().sim);
    this.credit = 0;
    this.dirty = false;
    this.post({ type: 'frame', frame }, transfer);
  }

  /** One loop turn: compute the ticks due (or a slice of a fast run or seek). */
  private turn(): void {
    this.looping = false;
    if (!this.core || this.dead) return;
    const core = this.core;
    const start = this.clock.now();
    try {
      if (this.seekTick !== null || this.runFast) {
        while (this.clock.now() - start < FAST_SLICE_MS && (this.seekTick === null || core.ticks < this.seekTick)) core.step();
        if (this.seekTick !== null && core.ticks >= this.seekTick) this.seekTick = null;
        this.dirty = true;
      } else if (this.playing) {
        const due = this.pacer.due(start, core.scenario.tickMs);
        let done = 0;
        while (done < due && this.clock.now() - start < PLAY_SLICE_MS) {
          core.step();
          done++;
        }
        this.pacer.paid(done, core.scenario.tickMs);
        if (done > 0) this.dirty = true;
      }
    } catch (e) {
      this.stop();
      this.dead = true;
      this.post({
        type: 'error',
        message: `The simulation failed at ${(core.sim.timeMs / 1000).toFixed(1)} s: ${(e as Error).message}`,
        detail: (e as Error).stack ?? '',
        fatal: true,
      });
    }
    this.afterChange();
  }
}
