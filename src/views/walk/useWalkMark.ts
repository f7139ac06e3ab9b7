// The maps' view of the page walk: the guest-physical page and host frame of the reference
// shown (null when the whole walk is shown or nothing is walked).
import { useSim } from '../data/SimSourceContext.tsx';
import { markOf, type WalkMark } from './walkAnswer.ts';

export function useWalkMark(): WalkMark | null {
  const { answer, step } = useSim().useWalk();
  return markOf(answer, step);
}
