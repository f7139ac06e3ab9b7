// The event feed for React: collects every frame's events, worded with the run's VM names, and
// re-renders the explanation panel when new events arrive.
import { useRef, useState } from 'react';
import { useFrameData } from '../data/FrameHubContext.tsx';
import { useSim } from '../data/SimSourceContext.tsx';
import { EventFeed } from './eventFeed.ts';

export function useEventFeed(): EventFeed {
  const feed = useRef(new EventFeed());
  const [, setVersion] = useState(0);
  const vms = useSim().useScenario().vms;
  const names = useRef(vms);
  names.current = vms;
  useFrameData((f) => {
    if (feed.current.add(f.events, (vm) => names.current[vm]?.name ?? `vm${vm + 1}`)) setVersion(feed.current.version);
  });
  return feed.current;
}
