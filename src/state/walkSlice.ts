// Store slice: the page walk. What is walked (`walkTarget`, a guest-virtual address of a process
// or a guest-physical page), the reference shown (`walkStep`, null for the whole walk) and the
// what-if settings are part of the link; the worker's answer (`walk`: the walk, the toggles'
// counts, the semantic gap) and its error are not. A pick that is not yet an address (a host
// frame, a region of a process) is resolved by the worker and the answer's target replaces it.
// Every question is numbered; an answer to an older one is dropped, so a slow reply never
// overwrites a newer walk. walkSync.ts asks again when the model moves.
import type { StateCreator } from 'zustand';
import {
  DEFAULT_WALK_WHAT_IF,
  sameTarget,
  type WalkExploration,
  type WalkPick,
  type WalkTarget,
  type WalkWhatIf,
} from '../sim/walk/index.ts';
import type { SimStore } from './store.ts';
import { askWalk } from './walkAsk.ts';

export interface WalkSlice {
  walkTarget: WalkTarget | null;
  /** As picked or linked: a shorter walk shows its last reference (the views clamp). */
  walkStep: number | null;
  walkWhatIf: WalkWhatIf;
  walk: WalkExploration | null;
  walkError: string | null;
  /** A question is in flight. */
  walkPending: boolean;
  /** Walk what was picked (the step goes back to the whole walk). */
  pickWalk(pick: WalkPick): void;
  setWalkStep(step: number | null): void;
  setWalkWhatIf(whatIf: WalkWhatIf): void;
  clearWalk(): void;
  /** Asks the worker again for the current target (walkSync calls it when the model moves). */
  refreshWalk(): void;
}

let asked = 0;

export const createWalkSlice: StateCreator<SimStore, [], [], WalkSlice> = (set, get) => {
  const ask = (pick: WalkPick): void => {
    const question = ++asked;
    const reply = askWalk({ pick, whatIf: get().walkWhatIf });
    if (!reply) return;
    set({ walkPending: true });
    reply.then(
      (walk) => {
        if (question !== asked) return;
        const target = sameTarget(get().walkTarget, walk.target) ? get().walkTarget : walk.target;
        set({ walk, walkTarget: target, walkError: null, walkPending: false });
      },
      (e: Error) => {
        if (question === asked) set({ walkError: e.message, walkPending: false });
      },
    );
  };
  return {
    walkTarget: null,
    walkStep: null,
    walkWhatIf: DEFAULT_WALK_WHAT_IF,
    walk: null,
    walkError: null,
    walkPending: false,
    pickWalk(pick) {
      // A pick that is not an address yet has no target until the worker resolves it.
      const concrete = pick.space === 'guest-virtual' || pick.space === 'guest-physical';
      set({ walkStep: null, walkError: null, walkTarget: concrete ? pick : null });
      ask(pick);
    },
    setWalkStep: (walkStep) => set({ walkStep }),
    setWalkWhatIf(walkWhatIf) {
      set({ walkWhatIf });
      get().refreshWalk();
    },
    clearWalk() {
      asked++;
      set({ walkTarget: null, walkStep: null, walk: null, walkError: null, walkPending: false });
    },
    refreshWalk() {
      const target = get().walkTarget;
      if (target) ask(target);
    },
  };
};
