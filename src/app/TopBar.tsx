// The top bar: scenario picker, the Lessons (and scenario library) and Compare toggles, time
// controls, Share, theme and the debug toggle. Controls a teacher's link hides (`hide=`) are
// left out; in embed mode only the time controls and an "Open full simulator" link remain.
import { useShallow } from 'zustand/react/shallow';
import { useSimStore } from '../state/store.ts';
import { contrastChanges } from '../url/compareKeys.ts';
import { THEMES, type Theme } from '../url/linkTypes.ts';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { ShareButton } from './ShareButton.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { TimeControls } from './TimeControls.tsx';

const THEME_LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', projector: 'Projector', colorblind: 'Colour-blind safe' };

export function TopBar() {
  const [hidden, embed, theme, panels, lessonsOpen] = useSimStore(useShallow((s) => [s.hidden, s.embed, s.theme, s.panels, s.lessonsOpen]));
  const comparing = useSimStore((s) => s.compare !== null);
  const { setTheme, togglePanel, setLessonsOpen, setCompare } = useSimStore.getState();
  const show = (id: string) => !hidden.includes(id);
  const fullHref = typeof window === 'undefined' ? '#' : window.location.href.replace(/([#&])embed=1(&|$)/, '$1').replace(/[#&]$/, '');
  return (
    <header className="top-bar">
      <h1 className="app-title">Balloon Lab</h1>
      {!embed && show('scenario') && <ScenarioPicker />}
      {!embed && show('lessons') && (
        <button
          type="button"
          aria-pressed={lessonsOpen}
          title="Guided lessons and the scenario library"
          onClick={() => setLessonsOpen(!lessonsOpen)}
        >
          Lessons
        </button>
      )}
      {!embed && show('compare') && (
        <button
          type="button"
          aria-pressed={comparing}
          onClick={() => setCompare(comparing ? null : contrastChanges(useSimStore.getState().scenario))}
        >
          Compare
        </button>
      )}
      {show('time') && <TimeControls hidden={hidden} />}
      {embed ? (
        <a className="open-full" href={fullHref} target="_blank" rel="noopener">
          Open full simulator
        </a>
      ) : (
        <div className="top-bar-end">
          {show('share') && <ShareButton />}
          {show('theme') && (
            <label>
              <span className="narrow-hidden">Theme</span>
              <select aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
                {THEMES.map((t) => (
                  <option key={t} value={t}>
                    {THEME_LABELS[t]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ShortcutHelp />
          {show('debug') && (
            <button type="button" aria-pressed={panels.includes('debug')} onClick={() => togglePanel('debug')}>
              Debug
            </button>
          )}
        </div>
      )}
    </header>
  );
}
