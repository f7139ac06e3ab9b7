// The links the Share panel offers: the link to what is on screen, optionally with controls
// hidden for a teacher's focus link, or in embed form; the shorter of readable and compact.
import { linkStateOf } from '../state/linkState.ts';
import { useSimStore } from '../state/store.ts';
import { encodeLink } from '../url/codec.ts';
import { compactLink } from '../url/compact.ts';

/** Shell controls a focus link can hide, with the words the Share panel shows. */
export const HIDEABLE: readonly [string, string][] = [
  ['scenario', 'Scenario picker'],
  ['step', 'Step buttons'],
  ['speed', 'Speed'],
  ['runfast', 'Run fast'],
  ['reset', 'Back to 0 s'],
  ['timeline', 'Timeline'],
  ['share', 'Share'],
  ['theme', 'Theme'],
  ['debug', 'Debug'],
];

export async function shareLink(options: { embed?: boolean; hidden?: string[] } = {}): Promise<string> {
  const state = linkStateOf(useSimStore.getState());
  const view = { ...state.view, embed: options.embed ?? state.view.embed, hidden: options.hidden ?? state.view.hidden };
  const text = await compactLink(encodeLink({ ...state, view }));
  return `${window.location.href.split('#')[0]}#${text}`;
}
