// Store slice: side-by-side comparison. `compare` is the list of parameter changes that turn
// the run's scenario into the second run's (in the link), or null when not comparing; the
// second run itself lives in compareSync.ts and reaches the views through compareBus.ts.
import type { StateCreator } from 'zustand';
import type { ParamChange } from '../sim/scenario/paramPath.ts';
import type { SimStore } from './store.ts';

export interface CompareSlice {
  compare: ParamChange[] | null;
  setCompare(changes: ParamChange[] | null): void;
}

export const createCompareSlice: StateCreator<SimStore, [], [], CompareSlice> = (set) => ({
  compare: null,
  setCompare: (compare) => set({ compare }),
});
