// Time controls: play/pause, step back, step, speed, run fast, back to 0 s, the simulated time
// and a timeline scrubber over the computed range. Each button runs a registry command.
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../state/playbackSlice.ts';
import { useSimStore } from '../state/store.ts';
import { commandById, hotkeyText } from './commands.ts';
import { formatTime } from './formatTime.ts';

function CommandButton({ id, children, pressed }: { id: string; children: React.ReactNode; pressed?: boolean }) {
  const c = commandById(id);
  const key = hotkeyText(c.hotkey);
  return (
    <button
      type="button"
      onClick={c.perform}
      title={key ? `${c.label} (${key})` : c.label}
      aria-label={c.label}
      aria-pressed={pressed}
      aria-keyshortcuts={c.hotkey ?? undefined}
    >
      {children}
    </button>
  );
}

export function TimeControls({ hidden }: { hidden: readonly string[] }) {
  const [playing, runFast, speed, timeMs, rangeMs, seekingToMs] = useSimStore(
    useShallow((s) => [s.playing, s.runFast, s.speed, s.timeMs, s.rangeMs, s.seekingToMs]),
  );
  const tickMs = useSimStore((s) => s.effective.tickMs);
  const { setSpeed, seek } = useSimStore.getState();
  const show = (id: string) => !hidden.includes(id);
  return (
    <div className="time-controls" role="group" aria-label="Time controls">
      {show('step') && <CommandButton id="back">◂ Back</CommandButton>}
      <CommandButton id="play" pressed={playing && !runFast}>
        {playing && !runFast ? '❚❚ Pause' : '▶ Play'}
      </CommandButton>
      {show('step') && <CommandButton id="step">Step ▸</CommandButton>}
      {show('speed') && (
        <label className="speed">
          Speed
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      )}
      {show('runfast') && (
        <CommandButton id="runfast" pressed={runFast}>
          ▸▸ Run fast
        </CommandButton>
      )}
      {show('reset') && <CommandButton id="reset">↺ 0 s</CommandButton>}
      <output className="sim-time" aria-live="off" title="Simulated time">
        {formatTime(timeMs)}
        {seekingToMs !== null ? ` → ${formatTime(seekingToMs)}…` : ''}
        {runFast ? ' (running fast)' : ''}
      </output>
      {show('timeline') && (
        <input
          type="range"
          className="timeline"
          aria-label="Timeline (simulated time)"
          min={0}
          max={Math.max(rangeMs[1], 1)}
          step={tickMs}
          value={Math.min(timeMs, rangeMs[1])}
          aria-valuetext={formatTime(timeMs)}
          onChange={(e) => seek(Number(e.target.value))}
          disabled={rangeMs[1] === 0}
        />
      )}
    </div>
  );
}
