// Starting the app: read the link (compact or readable), validate it, load it into the store and
// the simulation client, and keep the URL and the page walk in step from then on. Corrections become a visible,
// non-blocking notice; an unreadable link opens the default scenario with a message saying why.
// Boot resolves once the simulation client has started (at most START_WAIT_MAX_MS), so the first
// React render does not hold the main thread while the worker starts and receives its scenario.
import { applyLinkState } from '../state/linkState.ts';
import { startController } from '../state/controller.ts';
import { startUrlSync } from '../state/urlSync.ts';
import { startWalkSync } from '../state/walkSync.ts';
import { startCompareSync } from '../state/compareSync.ts';
import { useSimStore } from '../state/store.ts';
import { decodeLink, linkText } from '../url/codec.ts';
import { expandLink } from '../url/compact.ts';
import { defaultLinkState } from '../url/defaultState.ts';
import { setPageInspector } from '../views/data/simSource.ts';
import { controller, setController } from './runtime.ts';

/** Longest the first render waits for the simulation client to start, ms. */
export const START_WAIT_MAX_MS = 500;

export async function bootApp(href: string = window.location.href): Promise<void> {
  const store = useSimStore.getState();
  const expanded = await expandLink(linkText(href));
  const decoded = expanded.error ? null : decodeLink(expanded.text);
  const prefer = /[?&]inthread=1/.test(href) ? 'in-thread' : 'worker';
  const ctl = startController(prefer);
  setController(ctl);
  // The views inspect pages through whichever controller is current (a restart replaces it).
  setPageInspector((target) => {
    const c = controller();
    return c ? c.requests.inspect(target) : Promise.reject(new Error('the simulation is not running'));
  });
  if (!decoded || !decoded.ok) {
    store.notify('error', expanded.error ?? (decoded as { error: string }).error);
    applyLinkState(decoded?.state ?? defaultLinkState());
  } else {
    if (decoded.corrections.length > 0)
      store.notify('warning', 'Some values in this link were not valid and were corrected:', decoded.corrections);
    applyLinkState(decoded.state);
  }
  startUrlSync();
  startWalkSync();
  startCompareSync();
  await Promise.race([ctl.started, new Promise((resolve) => setTimeout(resolve, START_WAIT_MAX_MS))]);
}
