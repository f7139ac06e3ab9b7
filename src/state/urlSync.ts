// Keeps the URL fragment in step with the store: loading a scenario pushes a browser history
// entry (back and forward work), every other change (sliders, time, view) replaces the current
// entry, throttled. Back/forward re-open the link they land on. On start the address bar gets
// the canonical form of the link that was opened (so a corrected link is shared corrected).
import { decodeLink, encodeLink, linkText } from '../url/codec.ts';
import { applyLinkState, linkStateOf } from './linkState.ts';
import { useSimStore } from './store.ts';

/** Longest wait before a change shows in the URL, ms. */
export const URL_WRITE_MS = 400;

export interface UrlTarget {
  location: { href: string; hash: string };
  history: { pushState(data: unknown, unused: string, url: string): void; replaceState(data: unknown, unused: string, url: string): void };
  addEventListener(type: 'popstate', f: () => void): void;
  removeEventListener(type: 'popstate', f: () => void): void;
}

export function startUrlSync(target: UrlTarget = window): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastGeneration = useSimStore.getState().loadGeneration;
  let restoring = false;

  const write = (push: boolean): void => {
    const text = encodeLink(linkStateOf(useSimStore.getState()));
    if (linkText(target.location.href) === text) return;
    const url = `#${text}`;
    if (push) target.history.pushState(null, '', url);
    else target.history.replaceState(null, '', url);
  };

  const unsubscribe = useSimStore.subscribe(
    (s) => s,
    (s) => {
      if (s.loadGeneration !== lastGeneration) {
        lastGeneration = s.loadGeneration;
        if (timer) clearTimeout(timer);
        timer = null;
        if (!restoring) write(true);
        return;
      }
      timer ??= setTimeout(() => {
        timer = null;
        write(false);
      }, URL_WRITE_MS);
    },
  );

  const onPop = (): void => {
    const d = decodeLink(linkText(target.location.href));
    restoring = true;
    applyLinkState(d.state);
    restoring = false;
  };
  target.addEventListener('popstate', onPop);
  write(false);
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    target.removeEventListener('popstate', onPop);
  };
}
