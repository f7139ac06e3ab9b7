// The polite aria-live region: the newest "what just happened" sentence, at most one every
// two seconds (AnnouncementThrottle), so screen-reader users hear the story without a flood.
import { useEffect, useRef, useState } from 'react';
import { AnnouncementThrottle } from './announcer.ts';

export function LiveAnnouncer({ latest }: { latest: string | null }) {
  const throttle = useRef(new AnnouncementThrottle());
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!latest) return;
    const now = performance.now();
    const t = throttle.current.offer(latest, now);
    if (t) return setSaid(t);
    const due = throttle.current.dueInMs(now);
    if (due === null) return;
    const id = setTimeout(() => {
      const next = throttle.current.poll(performance.now());
      if (next) setSaid(next);
    }, due + 10);
    return () => clearTimeout(id);
  }, [latest]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {said}
    </div>
  );
}
