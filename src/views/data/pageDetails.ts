// Turns the worker's page inspection (src/worker/inspect.ts PageInfo) into what the views show:
// the counterpart across the EPT, and a sentence. Pure; the adapter calls it on replies.
import type { PageInfo } from '../../snapshot/inspect.ts';
import type { PageDetails, PageRef } from './simTypes.ts';

export function pageDetailsFromInfo(info: PageInfo): PageDetails {
  if (info.space === 'host') {
    const ref: PageRef = { space: 'host', vm: info.vm ?? -1, page: info.frame };
    const counterpart: PageRef | null =
      info.vm !== null && info.guestPage !== null ? { space: 'guest', vm: info.vm, page: info.guestPage } : null;
    const who = info.vmName ? `${info.vmName}'s guest-physical page ${info.guestPage ?? '?'}` : 'no guest page';
    const shared = info.mappings > 1 ? `, shared by ${info.mappings} guest pages` : '';
    return { ref, counterpart, text: `Host frame ${info.frame}: ${info.use}; holds ${who}${shared}.` };
  }
  const ref: PageRef = { space: 'guest', vm: info.vm, page: info.page };
  const frame = info.hostFrame?.frame ?? null;
  const counterpart: PageRef | null = frame !== null ? { space: 'host', vm: info.vm, page: frame } : null;
  const flags = info.flags.length ? ` (${info.flags.join(', ')})` : '';
  const backing = frame !== null ? `backed by host frame ${frame}` : `EPT entry ${info.ept.state}`;
  return { ref, counterpart, text: `${info.vmName} guest-physical page ${info.page}: ${info.use}${flags}; ${backing}.` };
}
