// The selected page and its counterpart on the other side of the EPT (guest page -> host
// frame, host frame -> guest page). When the worker offers page inspection the counterpart is
// exact; otherwise the views fall back to what frames carry: a host cell's owner VM, so a
// selected guest page fades every other VM's frames, and a selected host frame outlines its
// owner's guest map.
import { useEffect, useState } from 'react';
import type { PageDetails, PageRef } from '../data/simTypes.ts';
import { useSim } from '../data/SimSourceContext.tsx';

export interface CounterpartView {
  selected: PageRef | null;
  details: PageDetails | null;
  counterpart: PageRef | null;
  /** True when only the owner VM is known (no page inspection). */
  approximate: boolean;
  /** Host map: the VM whose frames stay bright. */
  hostFocusVm: number | null;
  /** Guest map to outline as holding the selected host frame's page. */
  ownerVm: number | null;
}

export function useCounterpart(): CounterpartView {
  const sim = useSim();
  const { selectedPage: selected, selectedVm } = sim.useSelection();
  const [details, setDetails] = useState<PageDetails | null>(null);
  useEffect(() => {
    let live = true;
    setDetails(null);
    if (selected && sim.canInspect) void sim.inspectPage(selected).then((d) => live && setDetails(d));
    return () => {
      live = false;
    };
  }, [sim, selected]);
  const approximate = !!selected && !details;
  const counterpart = details?.counterpart ?? null;
  const guestSel = selected?.space === 'guest' ? selected.vm : null;
  return {
    selected,
    details,
    counterpart,
    approximate,
    hostFocusVm: guestSel ?? selectedVm ?? null,
    ownerVm: selected?.space === 'host' && selected.vm >= 0 ? selected.vm : null,
  };
}

export const pageIn = (ref: PageRef | null, space: 'host' | 'guest', vm = -1): number | null =>
  ref && ref.space === space && (space === 'host' || ref.vm === vm) ? ref.page : null;
