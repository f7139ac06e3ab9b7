// The application shell: the top bar, notices, the error panel, the Lessons region, the compare view, the play area where the views
// mount (src/views/PlayArea.tsx, fed by the store through src/views/data/simSource.ts) and the
// debug panel.
import { useSimStore } from '../state/store.ts';
import { CompareView } from '../views/compare/CompareView.tsx';
import { LessonsPanel } from '../views/lessons/LessonsPanel.tsx';
import { PlayArea } from '../views/PlayArea.tsx';
import { DebugPanel } from './DebugPanel.tsx';
import { ErrorPanel } from './ErrorPanel.tsx';
import { Notices } from './Notices.tsx';
import { TopBar } from './TopBar.tsx';
import { useHotkeys } from './useHotkeys.ts';
import './app.css';

export function App() {
  const theme = useSimStore((s) => s.theme);
  const embed = useSimStore((s) => s.embed);
  const debugOpen = useSimStore((s) => s.panels.includes('debug'));
  useHotkeys();
  return (
    <div className={`app${embed ? ' app-embed' : ''}`} data-theme={theme}>
      <TopBar />
      <Notices />
      <ErrorPanel />
      {!embed && <LessonsPanel />}
      {!embed && <CompareView />}
      <main className="play-area-slot" aria-label="Play area">
        <PlayArea />
      </main>
      {debugOpen && <DebugPanel />}
    </div>
  );
}
