// The command registry: every user action of the shell with its id, label, hotkey and perform.
// Buttons, keyboard shortcuts, the shortcut help and tests use the same table; the detail
// panels' commands come from their list (src/views/panels/panelList.ts).
import { useSimStore } from '../state/store.ts';
import { SPEEDS } from '../state/playbackSlice.ts';
import { DETAIL_PANELS } from '../views/panels/panelList.ts';

export interface ShellCommand {
  id: string;
  label: string;
  /** Key as KeyboardEvent.key, with "Shift+" when shifted; shown in the help. */
  hotkey: string | null;
  perform(): void;
}

const store = () => useSimStore.getState();
const nextSpeed = (dir: 1 | -1): number => {
  const i = SPEEDS.findIndex((s) => s >= store().speed);
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? SPEEDS.length - 1 : i) + dir))];
};

export const COMMANDS: readonly ShellCommand[] = [
  { id: 'play', label: 'Play / pause', hotkey: ' ', perform: () => store().togglePlay() },
  { id: 'step', label: 'Step one tick', hotkey: 'ArrowRight', perform: () => store().step(1) },
  { id: 'step10', label: 'Step ten ticks', hotkey: 'Shift+ArrowRight', perform: () => store().step(10) },
  { id: 'back', label: 'Step back one tick', hotkey: 'ArrowLeft', perform: () => store().stepBack(1) },
  { id: 'back10', label: 'Step back ten ticks', hotkey: 'Shift+ArrowLeft', perform: () => store().stepBack(10) },
  { id: 'faster', label: 'Faster', hotkey: ']', perform: () => store().setSpeed(nextSpeed(1)) },
  { id: 'slower', label: 'Slower', hotkey: '[', perform: () => store().setSpeed(nextSpeed(-1)) },
  { id: 'runfast', label: 'Run fast (a few frames a second; press again to stop)', hotkey: 'f', perform: () => store().toggleRunFast() },
  { id: 'reset', label: 'Back to 0 s', hotkey: 'Shift+R', perform: () => store().reset() },
  { id: 'debug', label: 'Show or hide the debug panel', hotkey: 'd', perform: () => store().togglePanel('debug') },
  ...DETAIL_PANELS.map((p) => ({
    id: `panel-${p.id}`,
    label: `Show or hide the ${p.label.toLowerCase()} panel`,
    hotkey: p.hotkey,
    perform: () => store().togglePanel(p.id),
  })),
];

/** The command bound to a key event's key, or undefined. */
export function commandForKey(e: { key: string; shiftKey: boolean }): ShellCommand | undefined {
  const key = e.key.length === 1 && e.key !== ' ' ? e.key.toLowerCase() : e.key;
  const name = e.shiftKey && e.key !== ' ' ? `Shift+${key.length === 1 ? key.toUpperCase() : key}` : key;
  return COMMANDS.find((c) => c.hotkey === name);
}

/** "Space", "Shift+→", ... for the help and button titles. */
export function hotkeyText(hotkey: string | null): string {
  if (!hotkey) return '';
  return hotkey.replace(' ', 'Space').replace('ArrowRight', '→').replace('ArrowLeft', '←');
}

export const commandById = (id: string): ShellCommand => COMMANDS.find((c) => c.id === id)!;
