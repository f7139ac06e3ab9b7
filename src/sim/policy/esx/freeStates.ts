// The free-memory state machine of ESX (W02 §6.3: high/soft/hard/low) and vSphere 6
// (high/clear/soft/hard/low), with hysteresis (reference §6.2.5). States are ordered from the
// most relaxed (index 0) down. The host drops to a lower state as soon as free memory falls
// below that state's threshold (several at once if it falls far); it rises one state only after
// free memory exceeds the threshold of the state above by the margin h:
//   free > upperThreshold * (1 + h).
// VMware publishes no value for h; it is a policy parameter (modelling choice, 0.1-0.25).

export interface FreeStateLevel {
  name: string;
  /** Free pages below which the host enters this state (unused for the top state). */
  enterBelowPages: number;
  /** Free pages above which the host leaves this state for the one above (unused for the top). */
  leaveAbovePages: number;
}

/**
 * Builds the levels from the thresholds of each state, top first: thresholdsPages[0] is the top
 * state's threshold (ESX "high" 6%), which only serves as the upper boundary of the next state.
 */
export function levelsFromThresholds(names: readonly string[], thresholdsPages: readonly number[], hysteresis: number): FreeStateLevel[] {
  return names.map((name, i) => ({
    name,
    enterBelowPages: thresholdsPages[i],
    leaveAbovePages: i === 0 ? Infinity : thresholdsPages[i - 1] * (1 + hysteresis),
  }));
}

export class FreeStateMachine {
  readonly levels: readonly FreeStateLevel[];
  /** Index into levels of the current state (0 = most relaxed). */
  index = 0;

  constructor(levels: readonly FreeStateLevel[]) {
    this.levels = levels;
  }

  get name(): string {
    return this.levels[this.index].name;
  }

  /** Moves to the state that free memory calls for; returns true if the state changed. */
  update(freePages: number): boolean {
    const before = this.index;
    while (this.index < this.levels.length - 1 && freePages < this.levels[this.index + 1].enterBelowPages) this.index++;
    if (this.index === before) {
      while (this.index > 0 && freePages > this.levels[this.index].leaveAbovePages) this.index--;
    }
    return this.index !== before;
  }
}
