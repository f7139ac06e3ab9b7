// Keyboard shortcuts of the command registry, on the whole window, except while typing in a
// field or using a control that needs the keys itself (selects, a slider's arrows and letters;
// Space plays and pauses from a slider, which has no use for it).
import { useEffect } from 'react';
import { commandForKey } from './commands.ts';

const OWN_KEYS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function useHotkeys(enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      const slider = t instanceof HTMLInputElement && t.type === 'range';
      if (e.ctrlKey || e.metaKey || e.altKey || (t && !(slider && e.key === ' ') && (OWN_KEYS.has(t.tagName) || t.isContentEditable)))
        return;
      if (t && t.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
      const cmd = commandForKey(e);
      if (!cmd) return;
      e.preventDefault();
      cmd.perform();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
