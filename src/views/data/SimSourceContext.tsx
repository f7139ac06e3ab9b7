// The React context that hands every view its SimSource. PlayArea provides the real one from
// data/simSource.ts unless a test or the harness passes its own.
import { createContext, useContext } from 'react';
import type { SimSource } from './simTypes.ts';

export const SimSourceContext = createContext<SimSource | null>(null);

export function useSim(): SimSource {
  const s = useContext(SimSourceContext);
  if (!s) throw new Error('useSim: no SimSource; render views inside <PlayArea> or SimSourceContext.Provider');
  return s;
}
