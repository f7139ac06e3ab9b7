// The event feed for React: collects every frame's events and derived sentences, and re-renders
// the explanation panel when new events arrive.
import { useRef, useState } from 'react';
import { useFrameData } from '../data/FrameHubContext.tsx';
import { EventFeed } from './eventFeed.ts';
import { Narrator } from './narrate.ts';

export function useEventFeed(): EventFeed {
  const feed = useRef(new EventFeed());
  const [, setVersion] = useState(0);
  const narrator = useRef(new Narrator());
  useFrameData((f) => {
    const a = feed.current.add(f.events);
    const b = feed.current.addDerived(f.timeMs, narrator.current.observe(f.summary));
    if (a || b) setVersion(feed.current.version);
  });
  return feed.current;
}
