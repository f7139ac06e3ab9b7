// What the frame cannot say about a hovered page: its counterpart across the EPT (a host
// frame's guest-physical page, a guest page's host frame). Asked of the worker's page
// inspection once the pointer rests on a single-page cell for HOVER_ASK_MS; null meanwhile,
// for coarse cells, or when the worker offers no inspection.
import { useEffect, useRef, useState } from 'react';
import type { PageRef } from '../data/simTypes.ts';
import { useSim } from '../data/SimSourceContext.tsx';

export const HOVER_ASK_MS = 120;

/** The tooltip line for a counterpart, or null. */
export function counterpartLine(space: 'host' | 'guest', counterpart: PageRef | null, vmNames: readonly string[]): string {
  if (space === 'host') {
    return counterpart
      ? `Guest-physical page ${counterpart.page} of ${vmNames[counterpart.vm] ?? `VM ${counterpart.vm}`}`
      : 'Guest-physical page: none';
  }
  return counterpart ? `Host frame ${counterpart.page}` : 'Host frame: none (not backed)';
}

export function useHoverDetails(space: 'host' | 'guest', vm: number, page: number | null, vmNames: readonly string[]): string | null {
  const sim = useSim();
  const [line, setLine] = useState<{ page: number; text: string } | null>(null);
  const names = useRef(vmNames);
  names.current = vmNames;
  useEffect(() => {
    if (page === null || !sim.canInspect) return;
    let live = true;
    const id = setTimeout(() => {
      void sim.inspectPage({ space, vm, page }).then((d) => {
        if (live && d) setLine({ page, text: counterpartLine(space, d.counterpart, names.current) });
      });
    }, HOVER_ASK_MS);
    return () => {
      live = false;
      clearTimeout(id);
    };
  }, [sim, space, vm, page]);
  return line && line.page === page ? line.text : null;
}
